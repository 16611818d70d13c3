using SgdDsl.Linearizing;
using SgdDsl.Numerics;

namespace SgdDsl.Exponents;

/// <summary>
/// log|det A_ξ| on N without forming A_ξ: with the batch's factors K_ξ = (1/B) W S Wᵀ (W r×m, m = total rank in
/// the batch), Sylvester's identity gives det(I_r − (η/B) W S Wᵀ) = det(I_m − (η/B) S WᵀW), an m×m determinant:
/// O(m²r + m³) per batch (m = B for squared residuals) instead of O(r³).
/// </summary>
internal sealed class BatchDeterminant(RestrictedHessians hessians, double eta)
{
    /// <summary>
    /// |det| at or below this times the product of the pivots' scales counts as an exactly singular map. About 450 ulps,
    /// like <see cref="ScalarBatchAverage.SingularTolerance"/>.
    /// </summary>
    public const double SingularTolerance = 1e-13;

    private double[] matrix = [];
    private int[] factors = [];

    /// <summary>log|det A_ξ| on N; −∞ when A_ξ is singular on N (to <see cref="SingularTolerance"/>).</summary>
    public double LogAbs(ReadOnlySpan<int> batch)
    {
        var m = 0;
        foreach (var i in batch)
            m += hessians.Rank(i);
        if (factors.Length < m)
        {
            factors = new int[m];
            matrix = new double[m * m];
        }
        var f = 0;
        foreach (var i in batch)
        {
            var (start, end) = hessians.FactorRange(i);
            for (var j = start; j < end; j++)
                factors[f++] = j;
        }
        var scale = eta / batch.Length;
        // I_m − (η/B) S WᵀW is symmetric up to the scales: each dot once.
        for (var a = 0; a < m; a++)
        {
            var wa = hessians.Direction(factors[a]);
            for (var b = a; b < m; b++)
            {
                var dot = VectorKernels.Dot(wa, hessians.Direction(factors[b]));
                matrix[a * m + b] = (a == b ? 1.0 : 0.0) - scale * hessians.Scale(factors[a]) * dot;
                if (b != a)
                    matrix[b * m + a] = -scale * hessians.Scale(factors[b]) * dot;
            }
        }
        return LogAbsDeterminant(matrix.AsSpan(0, m * m), m);
    }

    /// <summary>log|det| of a row-major m×m matrix by LU with partial pivoting (destroys it).</summary>
    private static double LogAbsDeterminant(Span<double> a, int m)
    {
        // One logarithm per batch: the pivots' product (each pivot ≥ 1e-13 in size), folded into the sum before it could
        // leave [1e-150, 1e150]; a pivot above 1e100 goes to the sum directly.
        var sum = 0.0;
        var product = 1.0;
        for (var c = 0; c < m; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < m; r++)
            {
                if (Math.Abs(a[r * m + c]) > Math.Abs(a[pivot * m + c]))
                    pivot = r;
            }
            var p = a[pivot * m + c];
            // Entries are 1 − (η/B)s w·w: O(1 + η|K|), so an exact zero shows up as round-off of that size.
            var size = 1.0;
            for (var r = c; r < m; r++)
                size = Math.Max(size, Math.Abs(a[r * m + c]));
            if (Math.Abs(p) <= SingularTolerance * size)
                return double.NegativeInfinity;
            if (pivot != c)
            {
                for (var k = 0; k < m; k++)
                    (a[c * m + k], a[pivot * m + k]) = (a[pivot * m + k], a[c * m + k]);
            }
            if (Math.Abs(p) > 1e100)
                sum += Math.Log(Math.Abs(p));
            else
                product *= Math.Abs(p);
            if (product > 1e150 || product < 1e-150)
            {
                sum += Math.Log(product);
                product = 1.0;
            }
            for (var r = c + 1; r < m; r++)
            {
                var factor = a[r * m + c] / p;
                if (factor == 0.0)
                    continue;
                for (var k = c; k < m; k++)
                    a[r * m + k] -= factor * a[c * m + k];
            }
        }
        return sum + Math.Log(product);
    }
}
