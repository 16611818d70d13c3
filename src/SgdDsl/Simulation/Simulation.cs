using SgdDsl.Analysis;
using SgdDsl.Exponents;
using SgdDsl.Linearizing;
using SgdDsl.Simulating;

namespace SgdDsl;

/// <summary>
/// The real, nonlinear SGD near a global minimum x*, to see the theorem at work: λ &lt; 0 lets SGD accumulate at x*
/// with positive probability, λ &gt; 0 repels it. Trials start at x* + δ·u, u uniform on the unit sphere of the
/// normal space N (tangent directions only slide along the manifold, so they are left out), and run the model's
/// exact gradients with the analysis's batch sampling.
/// </summary>
public static class Simulation
{
    /// <summary>
    /// Runs <see cref="SimulationOptions.Trials"/> trajectories of <see cref="SimulationOptions.Steps"/> SGD steps in
    /// parallel. Trial j draws its direction and batches from its own stream derived from (Seed, j), and trials are
    /// collected in index order, so the result is the same for every thread count.
    /// </summary>
    /// <param name="model">The per-sample loss with exact gradients.</param>
    /// <param name="data">The N samples; width must equal <see cref="ILossModel.SampleWidth"/>.</param>
    /// <param name="minimum">x*, a global minimum within <see cref="SimulationOptions.MinimumLossTolerance"/> and
    /// <see cref="SimulationOptions.MinimumGradientTolerance"/>. Not modified.</param>
    /// <param name="options">Step size, batch size, sampling, trials, steps, δ, R and tolerances.</param>
    /// <returns>Every trial, the outcome counts, the accumulating fraction with its Wilson interval, and the growth rate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="minimum"/> or <paramref name="data"/> does not fit the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names the property.</exception>
    /// <exception cref="NotAMinimumException">L or ‖∇L‖ at <paramref name="minimum"/> exceeds its tolerance.</exception>
    public static SimulationResult Run(ILossModel model, Dataset data, double[] minimum, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(minimum);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentChecks.Problem(model, data, minimum, nameof(minimum));
        SimulationChecks.Options(options, data.Count);

        var point = (double[])minimum.Clone();
        MinimumCheck.Verify(new MeanLoss(model, data), point, options.MinimumLossTolerance, options.MinimumGradientTolerance);
        var normal = MinimumLinearization.At(model, data, point, options.NormalSpaceTolerance, options.MaxDegreeOfParallelism).Normal;
        var notes = new List<string>();
        if (normal.Dimension == 0)
            notes.Add("r = 0: the point has no normal direction, so the start directions are drawn on the whole sphere of R^d; nothing can grow.");

        var trajectory = new SgdTrajectory(model, data, point, options);
        var trials = new SimulationTrial[options.Trials];
        Parallel.For(0, options.Trials, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, j =>
        {
            var random = new Random(SeedStreams.Derive(options.Seed, SeedStreams.Simulation, j));
            var direction = SphereDirection.Draw(normal, random);
            var sampler = BatchSampler.Create(options.Sampling, data.Count, options.BatchSize, random);
            trials[j] = trajectory.Run(j, direction, sampler);
        });

        var accumulated = trials.Count(t => t.Outcome == TrialOutcome.Accumulated);
        var (lower, upper) = WilsonInterval.Of(accumulated, trials.Length, options.IntervalZ);
        var (rate, rateError, rateSteps) = GrowthRateFit.Pool(trials);
        if (rateSteps == 0)
            notes.Add("No trial had a measurable normal distance, so there is no growth rate.");
        return new SimulationResult
        {
            Model = model.Name,
            Minimum = point,
            Options = options,
            SampleCount = data.Count,
            NormalDimension = normal.Dimension,
            Trials = trials,
            Accumulated = accumulated,
            Escaped = trials.Count(t => t.Outcome == TrialOutcome.Escaped),
            Diverged = trials.Count(t => t.Outcome == TrialOutcome.Diverged),
            Unsettled = trials.Count(t => t.Outcome == TrialOutcome.Unsettled),
            AccumulatedLower = lower,
            AccumulatedUpper = upper,
            GrowthRate = rate,
            GrowthRateStandardError = rateError,
            GrowthRateSteps = rateSteps,
            Notes = notes,
        };
    }
}
