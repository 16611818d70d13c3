using SgdDsl.Models;
namespace SgdDsl.Linearizing;

/// <summary>
/// SGD linearized at a minimum x*: the normal space N and the per-sample Hessians restricted to it.
/// A_ξ = I − η K_ξ (K_ξ the mean of K_i over the batch) is the batch map on N. Built from the squared-residual
/// form when the model has one (factors √(2c)∇f_i, no Hessian formed), otherwise from per-sample Hessians (dense up to
/// d = <see cref="SampleCurvatures.DenseLimit"/>, above it by Lanczos on Hessian–vector products).
/// </summary>
internal sealed class MinimumLinearization
{
    private readonly int droppedSamples;
    private readonly double largestDropped;

    private MinimumLinearization(NormalSpace normal, RestrictedHessians hessians, double largestCurvature, double mostNegativeCurvature, int mostNegativeSample, double? largestResidual,
        int droppedSamples = 0, double largestDropped = 0.0)
    {
        this.droppedSamples = droppedSamples;
        this.largestDropped = largestDropped;
        MostNegativeSample = mostNegativeSample;
        Normal = normal;
        Hessians = hessians;
        LargestCurvature = largestCurvature;
        MostNegativeCurvature = mostNegativeCurvature;
        LargestResidual = largestResidual;
    }

    public NormalSpace Normal { get; }

    /// <summary>
    /// The most bytes of scaled Jacobian rows (N·K·d doubles) held at once; above it they are recomputed from the model
    /// in blocks (<see cref="StreamedFactorRows"/>), so the peak memory stays near G plus two blocks. 1 GB: d = 10⁵ with
    /// N·K = 1,000 rows (0.8 GB) is held, K = 10 with N = 500 (4 GB) is streamed.
    /// </summary>
    public const long HeldFactorBytes = 1_000_000_000;

    public RestrictedHessians Hessians { get; }

    /// <summary>
    /// The eigenvalues of the mean restricted Hessian K = (1/N) Σ K_i, ascending, when the linearization knows them
    /// without an r×r eigen-decomposition: on the Gram route K = RᵀR/N has the eigenvalues of G over N. Null otherwise.
    /// </summary>
    public double[]? MeanSpectrum => FromSquaredResidual && Normal.ColumnSpectrum is { } values ? [.. values.Select(h => h / Hessians.Count)] : null;

    /// <summary>True when <see cref="MeanSpectrum"/> holds only the extreme eigenvalues (the Cholesky form of the Gram route, r above <see cref="GramBasis.EigenDecompositionLimit"/>).</summary>
    public bool MeanSpectrumIsPartial => MeanSpectrum is not null && Normal.ColumnSpectrumIsPartial;

    /// <summary>The largest |eigenvalue| of any per-sample Hessian: the curvature scale relTol is relative to.</summary>
    public double LargestCurvature { get; }

    /// <summary>The smallest eigenvalue of any per-sample Hessian (≈ 0 or positive at an exact minimum; 0 on the squared-residual path).</summary>
    public double MostNegativeCurvature { get; }

    /// <summary>The sample whose Hessian has <see cref="MostNegativeCurvature"/>.</summary>
    public int MostNegativeSample { get; }

    /// <summary>True when some per-sample Hessian has an eigenvalue below −relTol × <see cref="LargestCurvature"/>: x* minimizes not every ℓ_i.</summary>
    public bool HasNegativeCurvature(double relTol) => MostNegativeCurvature < -relTol * LargestCurvature;

    /// <summary>max |f_i − y_i| on the squared-residual path (whose curvature term it neglects); null otherwise.</summary>
    public double? LargestResidual { get; }

    /// <summary>True when built from the squared-residual form.</summary>
    public bool FromSquaredResidual => LargestResidual is not null;

    /// <summary>True when the residual scale √(2L) exceeds the cut relTol × the largest curvature.</summary>
    public bool ResidualAboveCut(double loss, double relTol) => Math.Sqrt(2.0 * loss) > relTol * LargestCurvature;

    /// <summary>
    /// Signs that x* is not an exact minimum of every ℓ_i, so curvature of order the residuals may pose as normal
    /// directions: a per-sample eigenvalue below −cut (with residuals large enough to explain it; otherwise the facade
    /// refuses the point), or the residual scale √(2L) above the cut (cut = relTol × the largest curvature); and samples
    /// whose curvature fell below the cut.
    /// </summary>
    public IEnumerable<StabilityFinding> Findings(double loss, double relTol)
    {
        var cut = relTol * LargestCurvature;
        if (HasNegativeCurvature(relTol))
            yield return new StabilityFinding.NegativeCurvature(MostNegativeCurvature);
        else if (ResidualAboveCut(loss, relTol))
            yield return new StabilityFinding.ResidualAboveCut(Math.Sqrt(2.0 * loss), cut);
        if (droppedSamples > 0)
            yield return new StabilityFinding.CurvaturesBelowCut(droppedSamples, largestDropped, cut);
    }

    /// <exception cref="ArithmeticException">A per-sample output gradient, Hessian or curvature is not finite.</exception>
    /// <param name="model">The per-sample loss.</param>
    /// <param name="data">The samples.</param>
    /// <param name="point">x*.</param>
    /// <param name="relTol">The curvature cut, relative to the largest curvature.</param>
    /// <param name="maxDegreeOfParallelism">Most threads (the result does not depend on it).</param>
    /// <param name="forceLanczos">Without the residual form, per-sample curvatures by Lanczos whatever d (for tests).</param>
    /// <param name="heldFactorBytes">Overrides <see cref="HeldFactorBytes"/>, and with it the streamed block size (for tests).</param>
    public static MinimumLinearization At(ILossModel model, Dataset data, double[] point, double relTol, int maxDegreeOfParallelism, bool forceLanczos = false,
        long heldFactorBytes = HeldFactorBytes)
    {
        if (model.SquaredResidual is { } form)
        {
            // Rows are factored when every matrix block of every row is an outer product (dense layers), else held when the
            // N·K×d Jacobian fits HeldFactorBytes, else recomputed block by block.
            var plan = FactoredRows.Plan(ParameterBlock.Of(model.ParameterNames), point.Length);
            var fits = (long)data.Count * form.OutputCount * point.Length * 8 <= heldFactorBytes;
            var g = SquaredResidualFactors.Compute(form, data, point, maxDegreeOfParallelism, hold: fits && plan is null);
            var largest = g.Curvatures.Max(h => h.Max());
            var cut = relTol * largest;
            var keptRows = g.Curvatures.SelectMany((h, i) => h.Select((x, c) => (Sample: i, Output: c, Curvature: x)))
                .Where(t => t.Curvature > cut).Select(t => (t.Sample, t.Output)).ToArray();
            SpanningColumns? columns = plan is null ? null : FactoredRows.TryCreate(form, data, point, keptRows, plan, maxDegreeOfParallelism);
            if (columns is null && plan is not null && fits)
                g = SquaredResidualFactors.Compute(form, data, point, maxDegreeOfParallelism, hold: true);
            var hold = columns is null && fits;
            columns ??= hold
                ? new HeldColumns(keptRows.Select(t => g.Factors[t.Sample][t.Output]).ToArray())
                : new StreamedFactorRows(form, data, point, keptRows, maxDegreeOfParallelism,
                    heldFactorBytes == HeldFactorBytes ? StreamedFactorRows.BlockBytes : Math.Max(1, heldFactorBytes));
            var span = NormalSpace.SpanByGram(g.Dimension, columns, relTol, maxDegreeOfParallelism);
            // Nonzero curvatures below the cut: one huge sample can push every other one there.
            var dropped = g.Curvatures.Where(h => h.Any(x => x > 0 && x <= cut)).ToArray();
            var restricted = span.FromGram || hold
                ? RestrictedHessians.FromFactors(g.Factors, g.Curvatures, span, cut)
                : RestrictedHessians.FromColumns(columns.Materialize(), keptRows.Select(t => t.Sample).ToArray(), data.Count, span);
            return new MinimumLinearization(span, restricted, largest, 0.0, 0, g.LargestResidual,
                dropped.Length, dropped.SelectMany(h => h.Where(x => x <= cut)).DefaultIfEmpty(0.0).Max());
        }
        var curvatures = SampleCurvatures.Compute(model, data, point, relTol, maxDegreeOfParallelism, forceLanczos);
        var threshold = relTol * curvatures.LargestMagnitude;
        var normal = NormalSpace.Span(curvatures, threshold, relTol);
        var hessians = RestrictedHessians.Restrict(curvatures, normal, threshold);
        return new MinimumLinearization(normal, hessians, curvatures.LargestMagnitude, curvatures.MostNegative, curvatures.MostNegativeSample, null);
    }
}
