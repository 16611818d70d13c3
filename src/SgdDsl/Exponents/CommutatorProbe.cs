using SgdDsl.Linearizing;
using SgdDsl.Numerics;

namespace SgdDsl.Exponents;

/// <summary>
/// A cheap proof that the K_i do not commute, before <see cref="CommutingFamily"/> pays for an r×r eigen-decomposition:
/// ‖(K_iK_j − K_jK_i) v‖ for a few neighbouring pairs and a fixed v, O(r·rank) each. One commutator clearly above
/// round-off (<see cref="RelativeTolerance"/> × ‖K_i‖‖K_j‖‖v‖, ‖K‖ bounded by Σ|s|‖w‖²) settles it; otherwise the
/// exact test decides.
/// </summary>
internal static class CommutatorProbe
{
    /// <summary>Far above round-off (1e-16·r) and above the exact test's 1e-9, so the probe never overrules it.</summary>
    public const double RelativeTolerance = 1e-6;

    private const int Pairs = 8;

    public static bool ProvesNonCommuting(RestrictedHessians hessians)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        var v = Enumerable.Range(0, r).Select(k => 1.0 + 0.5 * Math.Sin(k + 1.0)).ToArray();
        var vNorm = EuclideanNorm.Of(v);
        var (a, b, ab, ba) = (new double[r], new double[r], new double[r], new double[r]);
        for (var i = 0; i + 1 < n && i < Pairs; i++)
        {
            Array.Clear(a); Array.Clear(b); Array.Clear(ab); Array.Clear(ba);
            hessians.AddProduct(i + 1, v, b);
            hessians.AddProduct(i, b, ab);
            hessians.AddProduct(i, v, a);
            hessians.AddProduct(i + 1, a, ba);
            for (var k = 0; k < r; k++)
                ab[k] -= ba[k];
            if (EuclideanNorm.Of(ab) > RelativeTolerance * Norm(hessians, i) * Norm(hessians, i + 1) * vNorm)
                return true;
        }
        return false;
    }

    private static double Norm(RestrictedHessians hessians, int sample)
    {
        var (start, end) = hessians.FactorRange(sample);
        var sum = 0.0;
        for (var f = start; f < end; f++)
        {
            var w = hessians.Direction(f);
            sum += Math.Abs(hessians.Scale(f)) * VectorKernels.Dot(w, w);
        }
        return sum;
    }
}
