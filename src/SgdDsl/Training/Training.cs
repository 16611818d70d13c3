using SgdDsl.Analysis;
using SgdDsl.Descent;

namespace SgdDsl;

/// <summary>
/// Trains a model by real, nonlinear GD or SGD with its exact generated gradients, to find the minima these methods
/// select; <see cref="RunAndPolish"/> then moves the end point onto the minimum manifold for the stability analysis.
/// </summary>
public static class Training
{
    /// <summary>
    /// Runs GD (θ ← θ − η ∇L) or SGD (θ ← θ − (η/|ξ|) Σ_{i∈ξ} ∇ℓ_i, batches from the analysis's samplers) from
    /// <paramref name="start"/> until the first of:
    /// <list type="bullet">
    /// <item><description>L(θ_k) &lt; <see cref="TrainingOptions.LossTarget"/> (<see cref="TrainingStopReason.LossTarget"/>);
    /// GD knows L(θ_k) at every step from its full-batch gradient, SGD evaluates it every
    /// <see cref="TrainingOptions.LossEvaluationInterval"/> steps and as soon as its batch losses fall below the target;</description></item>
    /// <item><description><see cref="TrainingOptions.MaxSteps"/> steps (<see cref="TrainingStopReason.MaxSteps"/>);</description></item>
    /// <item><description>divergence (<see cref="TrainingStopReason.Diverged"/>): a loss, gradient or coordinate not finite,
    /// the model throwing <see cref="ArithmeticException"/>, or an evaluated L above
    /// <see cref="TrainingOptions.DivergenceFactor"/> · L(θ₀);</description></item>
    /// <item><description><paramref name="cancellationToken"/> cancelled (<see cref="TrainingStopReason.Cancelled"/>), checked
    /// before every step and between the chunks of a step: the run returns at once with the last point whose loss is
    /// known (GD: the point whose full-batch gradient was last completed; SGD: the point reached, then evaluated once).</description></item>
    /// </list>
    /// The per-sample gradients of a step are summed in fixed chunks in a fixed order, spread over threads when the
    /// step's work B·d is large enough to gain; SGD draws every batch from one stream derived from
    /// <see cref="TrainingOptions.Seed"/>. So the same options give the same trajectory, bit for bit, for every
    /// <see cref="TrainingOptions.MaxDegreeOfParallelism"/>.
    /// </summary>
    /// <param name="model">The per-sample loss with exact gradients.</param>
    /// <param name="data">The N samples; width must equal <see cref="ILossModel.SampleWidth"/>.</param>
    /// <param name="start">θ₀ (length d, finite), e.g. from <see cref="Initialization.Normal"/>; not modified.</param>
    /// <param name="options">Method, η, B, sampling, seed and stopping rules.</param>
    /// <param name="cancellationToken">Stops the run cleanly (Ctrl-C); the result still holds the point reached.</param>
    /// <param name="progress">
    /// Told of every point of the loss curve as it is evaluated (every GD step; every SGD evaluation), on the training
    /// thread; keep it cheap.
    /// </param>
    /// <returns>The end point, its loss and ‖∇L‖, the steps taken, why the run stopped and the thinned loss curve.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> or <paramref name="data"/> does not fit the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names the property.</exception>
    public static TrainingResult Run(ILossModel model, Dataset data, double[] start, TrainingOptions options,
        CancellationToken cancellationToken = default, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentChecks.Problem(model, data, start, nameof(start));
        TrainingChecks.Options(options, data.Count);
        return new DescentRun(model, data, (double[])start.Clone(), options, progress).Run(model, cancellationToken);
    }

    /// <summary>
    /// <see cref="Run"/>, then <see cref="Stability.Minimize"/> from the end point: on a squared-residual model
    /// Gauss–Newton's minimum-norm steps move it orthogonally onto the manifold, so the analysis runs at an exact
    /// zero-loss point next to where training stopped. <see cref="TrainedMinimum.Moved"/> says how far the polish moved
    /// it, and <see cref="TrainedMinimum.MoveIsLarge"/> flags a move above <see cref="TrainedMinimum.LargeMoveFraction"/>
    /// of the distance training travelled. A run that diverged or was cancelled (or whose token is cancelled by the time
    /// it ends) is not polished.
    /// </summary>
    /// <param name="model">The per-sample loss with exact gradients.</param>
    /// <param name="data">The N samples.</param>
    /// <param name="start">θ₀ (length d, finite); not modified.</param>
    /// <param name="options">The training options.</param>
    /// <param name="polish">The Minimize options; null for its defaults with the training's thread limit.</param>
    /// <param name="cancellationToken">Stops training cleanly; the polish itself is not interrupted.</param>
    /// <param name="progress">As for <see cref="Run"/>.</param>
    /// <returns>The training run, the polish (if any) and the point to analyse.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> or <paramref name="data"/> does not fit the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option of either set is out of range.</exception>
    public static TrainedMinimum RunAndPolish(ILossModel model, Dataset data, double[] start, TrainingOptions options,
        MinimizeOptions? polish = null, CancellationToken cancellationToken = default, IProgress<TrainingProgress>? progress = null)
    {
        var training = Run(model, data, start, options, cancellationToken, progress);
        if (training.StopReason is TrainingStopReason.Diverged or TrainingStopReason.Cancelled || cancellationToken.IsCancellationRequested)
            return new TrainedMinimum { Training = training };
        polish ??= new MinimizeOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        return new TrainedMinimum { Training = training, Polish = Stability.Minimize(model, data, training.EndPoint, polish) };
    }
}
