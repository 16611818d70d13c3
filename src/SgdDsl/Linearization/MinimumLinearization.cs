namespace SgdDsl.Linearization;

/// <summary>
/// SGD linearized at a minimum x*: the normal space N and the per-sample Hessians restricted to it.
/// A_ξ = I − η K_ξ (K_ξ the mean of K_i over the batch) is the batch map on N.
/// </summary>
internal sealed class MinimumLinearization
{
    private MinimumLinearization(NormalSpace normal, RestrictedHessians hessians, double largestCurvature, double mostNegativeCurvature)
    {
        Normal = normal;
        Hessians = hessians;
        LargestCurvature = largestCurvature;
        MostNegativeCurvature = mostNegativeCurvature;
    }

    public NormalSpace Normal { get; }

    public RestrictedHessians Hessians { get; }

    /// <summary>The largest |eigenvalue| of any per-sample Hessian: the curvature scale relTol is relative to.</summary>
    public double LargestCurvature { get; }

    /// <summary>The smallest eigenvalue of any per-sample Hessian (≈ 0 or positive at an exact minimum).</summary>
    public double MostNegativeCurvature { get; }

    public static MinimumLinearization At(ILossModel model, Dataset data, double[] point, double relTol, int maxDegreeOfParallelism)
    {
        var curvatures = SampleCurvatures.Compute(model, data, point, relTol, maxDegreeOfParallelism);
        var threshold = relTol * curvatures.LargestMagnitude;
        var normal = NormalSpace.Span(curvatures, threshold, relTol);
        var hessians = RestrictedHessians.Restrict(curvatures, normal, threshold);
        return new MinimumLinearization(normal, hessians, curvatures.LargestMagnitude, curvatures.MostNegative);
    }
}
