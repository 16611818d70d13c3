using SgdDsl.Analysis;
using SgdDsl.Exponents;
using SgdDsl.Linearizing;

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
    /// <exception cref="NotAMinimumException">
    /// L or ‖∇L‖ at the point exceeds its tolerance, or a per-sample Hessian has an eigenvalue below −cut (cut =
    /// NormalSpaceTolerance × the largest curvature) while the residual scale √(2L) is below the cut: the point minimizes
    /// not every ℓ_i (<see cref="NotAMinimumException.Sample"/> says which).
    /// </exception>
    /// <exception cref="ArithmeticException">
    /// The loss, a per-sample output gradient, Hessian or curvature, or η times a curvature, is not finite at the point
    /// (the message names the sample or quantity): an overflow is never read as stability.
    /// </exception>
    public static StabilityReport Analyze(ILossModel model, Dataset data, double[] minimum, StabilityOptions options) =>
        AnalyzeInStages(model, data, minimum, options, null);

    /// <summary><see cref="Analyze(ILossModel, Dataset, double[], StabilityOptions)"/>, calling <paramref name="stageDone"/> with each stage's name as it ends (for timing).</summary>
    internal static StabilityReport AnalyzeInStages(ILossModel model, Dataset data, double[] minimum, StabilityOptions options, Action<string>? stageDone)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(minimum);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentChecks.Problem(model, data, minimum, nameof(minimum));
        options.Check(data.Count);

        var point = (double[])minimum.Clone();
        var (linearization, loss, gradientNorm) = CheckAndLinearize(model, data, point, options, stageDone);
        var hessians = linearization.Hessians;
        var r = linearization.Normal.Dimension;
        var settings = options.Lambda();

        var spectrum = linearization.MeanSpectrum ?? GdExponent.Spectrum(hessians.Mean, r);
        var mu = GdExponent.Mu(spectrum, settings.LearningRate);
        stageDone?.Invoke("spectrum");
        var lambda = SgdExponent.Compute(hessians, spectrum, settings);
        stageDone?.Invoke("lambda");
        var (sharpness, nonUniformity) = WuMaE.Compute(hessians, spectrum);
        stageDone?.Invoke("wu-ma-e");
        var bounds = lambda.Bounds;
        var caveats = Regularity.Caveats(hessians, lambda);
        stageDone?.Invoke("caveats");

        var report = new StabilityReport
        {
            Model = model.Name,
            LossFormula = model.LossFormula,
            ParameterNames = model.ParameterNames,
            SampleNames = model.SampleNames,
            Minimum = point,
            SampleCount = data.Count,
            Loss = loss,
            GradientNorm = gradientNorm,
            LearningRate = settings.LearningRate,
            BatchSize = options.BatchSize,
            Sampling = options.Sampling,
            NormalDimension = r,
            TangentDimension = model.ParameterCount - r,
            MeanHessianSpectrumOnNormalSpace = spectrum,
            MeanHessianSpectrumIsPartial = linearization.MeanSpectrumIsPartial,
            Mu = mu,
            GdVerdict = settings.VerdictOf(mu, 0.0),
            Lambda = lambda.Value,
            LambdaStandardError = lambda.StandardError,
            LambdaMethod = lambda.Method,
            CertifiedBy = lambda.CertifiedBy,
            SgdVerdict = lambda.Verdict,
            ConfidenceMultiplier = options.ConfidenceMultiplier,
            Steps = lambda.Steps,
            Chains = lambda.Chains,
            ChainLambdas = lambda.ChainValues,
            LambdaHistory = lambda.History,
            LambdaBounds = bounds,
            Spectrum = lambda.Spectrum,
            Sharpness = sharpness,
            NonUniformity = nonUniformity,
            SharpnessThreshold = WuMaE.SharpnessThreshold(settings.LearningRate),
            NonUniformityThreshold = WuMaE.NonUniformityThreshold(settings.LearningRate, data.Count, options.BatchSize, options.Sampling),
            SampleRanks = Enumerable.Range(0, data.Count).Select(hessians.Rank).ToArray(),
            FromSquaredResidual = linearization.FromSquaredResidual,
            OutputCount = model.SquaredResidual?.OutputCount,
            Findings = [.. lambda.Findings, .. linearization.Findings(loss, options.NormalSpaceTolerance), .. caveats],
        };
        stageDone?.Invoke("report");
        return report;
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
        options.Check(data.Count);
        return new Linearization(CheckAndLinearize(model, data, (double[])minimum.Clone(), options).Linearization, options.LearningRate);
    }

    /// <summary>
    /// The minimum check (L, ‖∇L‖; then every H_i positive semidefinite beyond the curvature cut) and the linearization,
    /// and η·h finite for every curvature h, so no later stage meets an overflow it could mistake for stability.
    /// </summary>
    private static (MinimumLinearization Linearization, double Loss, double GradientNorm) CheckAndLinearize(
        ILossModel model, Dataset data, double[] point, StabilityOptions options, Action<string>? stageDone = null)
    {
        var (loss, gradientNorm) = MinimumCheck.Verify(new MeanLoss(model, data), point, options.LossTolerance, options.GradientTolerance);
        stageDone?.Invoke("check");
        var linearization = MinimumLinearization.At(model, data, point, options.NormalSpaceTolerance, options.MaxDegreeOfParallelism);
        stageDone?.Invoke("linearize");
        // Residuals of order √(2L) above the cut could explain a negative curvature (the test's loosened tolerances);
        // below it, a per-sample eigenvalue under −cut proves the point is no minimum of that ℓ_i.
        if (linearization.HasNegativeCurvature(options.NormalSpaceTolerance) && !linearization.ResidualAboveCut(loss, options.NormalSpaceTolerance))
            throw new NotAMinimumException(loss, gradientNorm, options.LossTolerance, options.GradientTolerance, linearization.MostNegativeSample,
                linearization.MostNegativeCurvature, options.NormalSpaceTolerance * linearization.LargestCurvature);
        if (!double.IsFinite(options.LearningRate * linearization.LargestCurvature))
            throw new ArithmeticException(
                $"η·h overflows: η = {options.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)} times the largest curvature " +
                $"{linearization.LargestCurvature.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} is not finite in double precision.");
        return (linearization, loss, gradientNorm);
    }

    /// <summary>
    /// Finds a global minimum near <paramref name="start"/> by damped Newton (Levenberg–Marquardt) steps on the mean
    /// loss L, each accepted only when it lowers the true L, with adaptive damping, until
    /// L ≤ <see cref="MinimizeOptions.LossTolerance"/> and then polished to round-off. The steps
    /// (<see cref="MinimizeResult.Method"/>):
    /// <list type="bullet">
    /// <item><description>a model with <see cref="ILossModel.SquaredResidual"/>: Gauss–Newton on the residuals r = f − y
    /// through the N·K × d output Jacobian J, p = −Jᵀ (J Jᵀ + s I)⁻¹ r, an N·K × N·K Cholesky solve (never d × d
    /// unless d &lt; N·K); the step is the minimum-norm one, so a point near the manifold moves orthogonally onto it
    /// (a trained point is polished, not replaced). Memory N·K·d doubles for J;</description></item>
    /// <item><description>other losses with d &gt; <see cref="MinimizeOptions.DenseLimit"/>: Newton–CG, (H + s I) p = −∇L
    /// by truncated conjugate gradients with Hessian–vector products, no d × d matrix;</description></item>
    /// <item><description>other losses with small d: the dense Hessian, (|H| + s I) p = −∇L (|H|: eigenvalues by absolute
    /// value).</description></item>
    /// </list>
    /// Flat (tangent) directions carry no gradient and the damping keeps them from being amplified, so the point moves
    /// across the minimum manifold rather than along it. The start is never changed; <see cref="Analyze"/> never calls
    /// this itself. Results are the same for every <see cref="MinimizeOptions.MaxDegreeOfParallelism"/>.
    /// </summary>
    /// <param name="model">The per-sample loss.</param>
    /// <param name="data">The samples.</param>
    /// <param name="start">Starting point (length d, finite); not modified.</param>
    /// <param name="options">Stopping rules and method; null for the defaults.</param>
    /// <returns>The point found with its loss, gradient norm, iterations, distance moved and method.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> or <paramref name="data"/> does not fit the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is out of range, or <see cref="MinimizeOptions.Method"/> is Gauss–Newton for a model without a
    /// squared-residual form.
    /// </exception>
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
        if (options.MaxDegreeOfParallelism == 0 || options.MaxDegreeOfParallelism < -1)
            throw ArgumentChecks.OutOfRange(nameof(options), "MaxDegreeOfParallelism", options.MaxDegreeOfParallelism, "must be −1 (runtime default) or ≥ 1");
        if (options.Method is { } method && !Enum.IsDefined(method))
            throw ArgumentChecks.OutOfRange(nameof(options), "Method", method, "must be GaussNewton, NewtonCg, Dense or null");
        if (options.Method == MinimizeMethod.GaussNewton && model.SquaredResidual is null)
            throw ArgumentChecks.OutOfRange(nameof(options), "Method", "GaussNewton", $"needs a squared-residual form, which model {model.Name} does not have");
        return Minimizer.Run(model, data, (double[])start.Clone(), options);
    }
}
