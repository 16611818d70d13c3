using SgdDsl.Linearizing;
using static SgdDsl.StabilityFinding;

namespace SgdDsl.Exponents;

/// <summary>
/// The caveats a verdict carries when the paper's regularity (invertible, strongly irreducible, contracting batch maps
/// on N) plausibly fails: singular batch maps, commuting restricted Hessians, a common invariant subspace.
/// </summary>
internal static class Regularity
{
    public static List<StabilityFinding> Caveats(RestrictedHessians hessians, LambdaResult lambda)
    {
        var caveats = new List<StabilityFinding>();
        var r = hessians.Dimension;
        if (r == 0)
            return caveats;
        if (double.IsNegativeInfinity(lambda.Bounds.Lower))
            caveats.Add(new SingularBatchMap());
        if (lambda.Commuting)
            caveats.Add(new CommutingHessians(r));
        else if (r >= 2 && CommonInvariantSubspace.CommutantDimension(hessians) is int commutant and > 1)
            caveats.Add(new ReducibleBatchMaps(commutant));
        if (caveats.Count > 0 && lambda.Verdict == Verdict.Unstable)
            caveats.Add(new UnstablePresumesRegularity());
        return caveats;
    }
}
