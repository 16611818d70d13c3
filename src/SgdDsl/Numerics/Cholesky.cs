namespace SgdDsl.Numerics;

/// <summary>
/// A = L Lᵀ for a symmetric positive definite m×m matrix, row-major, by dot products of row prefixes (m³/6
/// vectorized multiply-adds, single-threaded and so deterministic); then solves A x = b by two triangular sweeps.
/// </summary>
internal static class Cholesky
{
    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> with L (the upper triangle is left as it was). False when
    /// a pivot is not positive and finite: A is not numerically positive definite.
    /// </summary>
    public static bool Factor(double[] a, int m)
    {
        for (var i = 0; i < m; i++)
        {
            var rowI = a.AsSpan(i * m, m);
            for (var j = 0; j <= i; j++)
            {
                var s = rowI[j] - VectorKernels.Dot(rowI[..j], a.AsSpan(j * m, j));
                if (j < i)
                {
                    rowI[j] = s / a[j * m + j];
                    continue;
                }
                if (!(s > 0) || !double.IsFinite(s))
                    return false;
                rowI[i] = Math.Sqrt(s);
            }
        }
        return true;
    }

    /// <summary>Overwrites <paramref name="b"/> with x, where L Lᵀ x = b and L is the factor written by <see cref="Factor"/>.</summary>
    public static void Solve(double[] factor, int m, Span<double> b)
    {
        for (var i = 0; i < m; i++)
            b[i] = (b[i] - VectorKernels.Dot(factor.AsSpan(i * m, i), b[..i])) / factor[i * m + i];
        // Lᵀ x = y by columns of Lᵀ, i.e. rows of L: x_i is final once every later x_k has been subtracted.
        for (var i = m - 1; i >= 0; i--)
        {
            b[i] /= factor[i * m + i];
            VectorKernels.AddScaled(-b[i], factor.AsSpan(i * m, i), b[..i]);
        }
    }
}
