namespace SgdDsl.Linearizing;

/// <summary>
/// SGD linearized at a minimum x*: the normal space N and the per-sample Hessians restricted to it.
/// A_ξ = I − η K_ξ (K_ξ the mean of K_i over the batch) is the batch map on N. Built from the squared-residual
/// form when the model has one (factors √(2c)∇f_i, no Hessian formed), otherwise from per-sample Hessians.
/// </summary>
internal sealed class MinimumLinearization
{
    private MinimumLinearization(NormalSpace normal, RestrictedHessians hessians, double largestCurvature, double mostNegativeCurvature, double? largestResidual)
    {
        Normal = normal;
        Hessians = hessians;
        LargestCurvature = largestCurvature;
        MostNegativeCurvature = mostNegativeCurvature;
        LargestResidual = largestResidual;
    }

    public NormalSpace Normal { get; }

    public RestrictedHessians Hessians { get; }

    /// <summary>The largest |eigenvalue| of any per-sample Hessian: the curvature scale relTol is relative to.</summary>
    public double LargestCurvature { get; }

    /// <summary>The smallest eigenvalue of any per-sample Hessian (≈ 0 or positive at an exact minimum; 0 on the squared-residual path).</summary>
    public double MostNegativeCurvature { get; }

    /// <summary>max |f_i − y_i| on the squared-residual path (whose curvature term it neglects); null otherwise.</summary>
    public double? LargestResidual { get; }

    /// <summary>True when built from the squared-residual form.</summary>
    public bool FromSquaredResidual => LargestResidual is not null;

    /// <summary>
    /// Signs that x* is not an exact minimum of every ℓ_i, so curvature of order the residuals may pose as normal
    /// directions: a per-sample eigenvalue below −cut, or the residual scale √(2L) above the cut (cut = relTol × the
    /// largest curvature).
    /// </summary>
    public IEnumerable<StabilityFinding> Findings(double loss, double relTol)
    {
        var cut = relTol * LargestCurvature;
        if (MostNegativeCurvature < -cut)
            yield return new StabilityFinding.NegativeCurvature(MostNegativeCurvature);
        else if (Math.Sqrt(2.0 * loss) > cut)
            yield return new StabilityFinding.ResidualAboveCut(Math.Sqrt(2.0 * loss), cut);
    }

    public static MinimumLinearization At(ILossModel model, Dataset data, double[] point, double relTol, int maxDegreeOfParallelism)
    {
        if (model.SquaredResidual is { } form)
        {
            var g = SquaredResidualFactors.Compute(form, data, point, maxDegreeOfParallelism);
            var largest = 0.0;
            foreach (var factor in g.Factors)
                largest = Math.Max(largest, factor.Sum(x => x * x));
            var cut = relTol * largest;
            var kept = g.Factors.Where(f => f.Sum(x => x * x) > cut).ToList();
            var span = NormalSpace.Span(g.Dimension, kept, relTol);
            return new MinimumLinearization(span, RestrictedHessians.FromFactors(g.Factors, span, cut), largest, 0.0, g.LargestResidual);
        }
        var curvatures = SampleCurvatures.Compute(model, data, point, relTol, maxDegreeOfParallelism);
        var threshold = relTol * curvatures.LargestMagnitude;
        var normal = NormalSpace.Span(curvatures, threshold, relTol);
        var hessians = RestrictedHessians.Restrict(curvatures, normal, threshold);
        return new MinimumLinearization(normal, hessians, curvatures.LargestMagnitude, curvatures.MostNegative, null);
    }
}
