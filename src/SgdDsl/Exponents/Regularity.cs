using SgdDsl.Linearizing;

namespace SgdDsl.Exponents;

/// <summary>
/// The caveats a verdict carries when the paper's regularity (invertible, strongly irreducible, contracting batch maps
/// on N) plausibly fails: singular batch maps, commuting restricted Hessians, a common invariant subspace.
/// </summary>
internal static class Regularity
{
    public static List<string> Caveats(RestrictedHessians hessians, SgdExponent.Result lambda, Verdict sgdVerdict)
    {
        var caveats = new List<string>();
        var r = hessians.Dimension;
        if (r == 0)
            return caveats;
        if (double.IsNegativeInfinity(lambda.Bounds.Lower))
            caveats.Add("Some batch map A_ξ is singular on N (det A_ξ = 0): λ may be −∞ (it is when products annihilate N), and the paper's invertibility condition fails.");
        if (lambda.Commuting)
            caveats.Add($"The restricted Hessians commute (r = {r}): λ is exact, but the batch maps share every eigenvector, so they are not strongly irreducible and the paper's instability theorem does not apply as stated.");
        else if (r >= 2)
        {
            var commutant = CommonInvariantSubspace.CommutantDimension(hessians);
            if (commutant is > 1)
                caveats.Add($"The batch maps leave a proper subspace of N invariant (their commutant has dimension {commutant}): they are reducible, so the paper's regularity fails; λ is the largest of the exponents on the invariant pieces.");
        }
        if (caveats.Count > 0 && sgdVerdict == Verdict.Unstable)
            caveats.Add("The Unstable verdict presumes regularity, which plausibly fails here: read it as λ > 0, not as a proven repulsion of SGD.");
        return caveats;
    }
}
