using System.Globalization;
using SgdDsl.Analysis;
using SgdDsl.Exponents;
using SgdDsl.Linearizing;
using SgdDsl.Reports;

namespace SgdDsl;

/// <summary>
/// Dynamical stability of GD and SGD at a global minimum of an overparameterized loss (Chemnitz and Engel,
/// JMLR 2025): the point is checked, the dynamics linearized on the normal space N of the minimum manifold,
/// and the GD exponent μ and SGD Lyapunov exponent λ computed, exactly where a closed form exists.
/// </summary>
public static class Stability
{
    /// <summary>
    /// Analyses GD and SGD with the given step size, batch size and sampling at <paramref name="minimum"/>.
    /// </summary>
    /// <param name="model">The per-sample loss ℓ_i with exact derivatives.</param>
    /// <param name="data">The N samples; width must equal <see cref="ILossModel.SampleWidth"/>.</param>
    /// <param name="minimum">x*, a global minimum (L ≤ LossTolerance, ‖∇L‖ ≤ GradientTolerance). Not moved.</param>
    /// <param name="options">Step size, batch size, sampling, Monte Carlo budget and tolerances.</param>
    /// <returns>The report; exponents are per step in natural logarithms.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="minimum"/> has the wrong length or a non-finite entry, or the width of <paramref name="data"/>
    /// differs from the model's sample width.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is out of range (η ≤ 0, B ∉ [1, N], …); the parameter is <paramref name="options"/> and the message
    /// names the property.
    /// </exception>
    /// <exception cref="NotAMinimumException">L or ‖∇L‖ at the point exceeds its tolerance.</exception>
    /// <exception cref="ArithmeticException">A per-sample Hessian at the point is not finite (the message names the sample).</exception>
    public static StabilityReport Analyze(ILossModel model, Dataset data, double[] minimum, StabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(minimum);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentChecks.Problem(model, data, minimum, nameof(minimum));
        ArgumentChecks.Options(options, data.Count);

        var point = (double[])minimum.Clone();
        var (loss, gradientNorm) = MinimumCheck.Verify(new MeanLoss(model, data), point, options.LossTolerance, options.GradientTolerance);
        var linearization = MinimumLinearization.At(model, data, point, options.NormalSpaceTolerance, options.MaxDegreeOfParallelism);
        var hessians = linearization.Hessians;
        var r = linearization.Normal.Dimension;
        var eta = options.LearningRate;
        var notes = new List<string>();

        var spectrum = GdExponent.Spectrum(hessians.Mean, r);
        var mu = GdExponent.Mu(spectrum, eta);
        var gdVerdict = VerdictRule.From(mu, 0.0, options.ConfidenceMultiplier, options.ExponentTolerance);

        var lambda = SgdExponent.Compute(hessians, spectrum, options, notes);
        var sgdVerdict = lambda.Method == LambdaMethod.Certified
            ? (lambda.Value < 0 ? Verdict.Stable : Verdict.Unstable)
            : VerdictRule.From(lambda.Value, lambda.StandardError, options.ConfidenceMultiplier, options.ExponentTolerance);
        var bounds = lambda.Bounds;
        if (r > 0 && double.IsPositiveInfinity(bounds.Upper))
            notes.Add(options.Sampling == BatchSampling.Reshuffling
                ? "No mean-square upper bound for reshuffling: its steps are not independent."
                : $"The mean-square bound was skipped: r = {r} makes even its iterative evaluation too costly.");
        var caveats = Regularity.Caveats(hessians, lambda, sgdVerdict);
        Diagnose(linearization, loss, options, data.Count, notes);
        var (sharpness, nonUniformity) = WuMaE.Compute(hessians, spectrum);

        return new StabilityReport
        {
            Model = model.Name,
            Minimum = point,
            SampleCount = data.Count,
            Loss = loss,
            GradientNorm = gradientNorm,
            LearningRate = eta,
            BatchSize = options.BatchSize,
            Sampling = options.Sampling,
            NormalDimension = r,
            TangentDimension = model.ParameterCount - r,
            MeanHessianSpectrumOnNormalSpace = spectrum,
            Mu = mu,
            GdVerdict = gdVerdict,
            Lambda = lambda.Value,
            LambdaStandardError = lambda.StandardError,
            LambdaMethod = lambda.Method,
            SgdVerdict = sgdVerdict,
            ConfidenceMultiplier = options.ConfidenceMultiplier,
            Steps = lambda.Steps,
            Chains = lambda.Chains,
            ChainLambdas = lambda.ChainValues,
            LambdaHistory = lambda.History,
            MeanSquareExponent = double.IsPositiveInfinity(bounds.Upper) ? null : bounds.Upper,
            Notes = notes,
            LambdaBounds = bounds,
            Spectrum = lambda.Spectrum,
            Sharpness = sharpness,
            NonUniformity = nonUniformity,
            SharpnessThreshold = WuMaE.SharpnessThreshold(eta),
            NonUniformityThreshold = WuMaE.NonUniformityThreshold(eta, data.Count, options.BatchSize, options.Sampling),
            SampleRanks = Enumerable.Range(0, data.Count).Select(hessians.Rank).ToArray(),
            FromSquaredResidual = linearization.FromSquaredResidual,
            Caveats = caveats,
        };
    }

    /// <summary>
    /// The linearized SGD maps at <paramref name="minimum"/> for users who study them directly: bases of N and T, the
    /// restricted Hessians and <see cref="Linearization.Map"/>. Checks the point like <see cref="Analyze"/>.
    /// </summary>
    /// <param name="model">The per-sample loss.</param>
    /// <param name="data">The samples.</param>
    /// <param name="minimum">x*, a global minimum within the tolerances of <paramref name="options"/>.</param>
    /// <param name="options">η (for the maps), the normal-space tolerance and the minimum tolerances; null for the defaults.</param>
    /// <returns>The linearization; built from the squared-residual form when the model has one.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="minimum"/> or <paramref name="data"/> does not fit the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="NotAMinimumException">L or ‖∇L‖ at the point exceeds its tolerance.</exception>
    public static Linearization Linearize(ILossModel model, Dataset data, double[] minimum, StabilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(minimum);
        options ??= new StabilityOptions();
        ArgumentChecks.Problem(model, data, minimum, nameof(minimum));
        ArgumentChecks.Options(options, data.Count);
        var point = (double[])minimum.Clone();
        MinimumCheck.Verify(new MeanLoss(model, data), point, options.LossTolerance, options.GradientTolerance);
        return new Linearization(
            MinimumLinearization.At(model, data, point, options.NormalSpaceTolerance, options.MaxDegreeOfParallelism),
            options.LearningRate);
    }

    /// <summary>
    /// Finds a global minimum near <paramref name="start"/> by Levenberg–Marquardt damped Newton on the mean loss with
    /// the model's exact gradient and Hessian: steps solve (|H| + s I) p = −∇L (|H|: eigenvalues by absolute value)
    /// with adaptive damping s, accepted only when they lower L, until L ≤ <see cref="MinimizeOptions.LossTolerance"/>
    /// and then polished to round-off. Flat (tangent) directions carry no gradient and the damping keeps them from
    /// being amplified, so the point moves across the minimum manifold rather than along it. The start is never
    /// changed; <see cref="Analyze"/> never calls this itself.
    /// </summary>
    /// <param name="model">The per-sample loss.</param>
    /// <param name="data">The samples.</param>
    /// <param name="start">Starting point (length d, finite); not modified.</param>
    /// <param name="options">Stopping rules; null for the defaults.</param>
    /// <returns>The point found with its loss, gradient norm, iterations and distance moved.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> or <paramref name="data"/> does not fit the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static MinimizeResult Minimize(ILossModel model, Dataset data, double[] start, MinimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentChecks.Problem(model, data, start, nameof(start));
        options ??= new MinimizeOptions();
        if (!(options.LossTolerance >= 0.0) || !double.IsFinite(options.LossTolerance))
            throw ArgumentChecks.OutOfRange(nameof(options), "LossTolerance", options.LossTolerance, "must be finite and ≥ 0");
        if (options.MaxIterations < 0)
            throw ArgumentChecks.OutOfRange(nameof(options), "MaxIterations", options.MaxIterations, "must be ≥ 0");
        return LevenbergMarquardt.Run(new MeanLoss(model, data), (double[])start.Clone(), options);
    }

    private static void Diagnose(MinimumLinearization linearization, double loss, StabilityOptions options, int n, List<string> notes)
    {
        var cut = options.NormalSpaceTolerance * linearization.LargestCurvature;
        if (linearization.MostNegativeCurvature < -cut)
            notes.Add($"A per-sample Hessian has eigenvalue {F(linearization.MostNegativeCurvature)} < 0, so x* does not minimize every ℓ_i exactly; curvature of order the residuals may pose as normal directions. Polish the point with Stability.Minimize.");
        else if (Math.Sqrt(2.0 * loss) > cut)
            notes.Add($"The residual scale √(2L) = {F(Math.Sqrt(2.0 * loss))} exceeds the curvature cut {F(cut)}: residual curvature may pose as normal directions. Polish the point with Stability.Minimize.");
        if (options.Sampling == BatchSampling.Reshuffling && n % options.BatchSize != 0)
            notes.Add($"Reshuffling with B ∤ N: each epoch ends with a batch of the {n % options.BatchSize} leftover samples; λ is per step over ⌈N/B⌉ = {(n + options.BatchSize - 1) / options.BatchSize} steps per epoch.");
    }

    private static string F(double x) => x.ToString(CultureInfo.InvariantCulture);
}
