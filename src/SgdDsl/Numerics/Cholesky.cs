using System.Numerics;
using System.Runtime.InteropServices;

namespace SgdDsl.Numerics;

/// <summary>
/// A = L Lᵀ for a symmetric positive definite m×m matrix, row-major, right-looking by panels of <see cref="Panel"/>
/// columns: a panel is factored by dot products, then the trailing lower triangle loses the panel's outer products in
/// 32×32 tiles with a 4×2 register-blocked vector kernel, tiles in parallel (m³/6 multiply-adds in all, nearly all in
/// the tiles). Every entry is updated by the panels in order and each update is one fixed sum, so L is the same for
/// every thread count. Then A x = b by two triangular sweeps.
/// </summary>
internal static class Cholesky
{
    /// <summary>Columns per panel: a tile's two 32-row panel slices (32 kB) stay in the first-level cache.</summary>
    private const int Panel = 64;

    private const int Tile = 32;

    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> with L (the upper triangle is left as it was). False when
    /// a pivot is not positive and finite: A is not numerically positive definite.
    /// </summary>
    public static bool Factor(double[] a, int m, int maxDegreeOfParallelism = 1)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        for (var k0 = 0; k0 < m; k0 += Panel)
        {
            var end = Math.Min(m, k0 + Panel);
            if (!FactorDiagonal(a, m, k0, end))
                return false;
            var below = m - end;
            if (below == 0) break;
            // The panel below the diagonal block: row i solves x·L₁₁ᵀ = a[i, k0..end).
            Parallel.For(end, m, options, i =>
            {
                var row = a.AsSpan(i * m, m);
                for (var j = k0; j < end; j++)
                    row[j] = (row[j] - VectorKernels.Dot(row[k0..j], a.AsSpan(j * m + k0, j - k0))) / a[j * m + j];
            });
            var tiles = (below + Tile - 1) / Tile;
            Parallel.For(0, tiles * (tiles + 1) / 2, options, t =>
            {
                // Tile (I, J) with I ≥ J, enumerated row by row of the lower triangle of tiles.
                var ti = (int)((Math.Sqrt(8.0 * t + 1) - 1) / 2);
                while (ti * (ti + 1) / 2 > t) ti--;
                while ((ti + 1) * (ti + 2) / 2 <= t) ti++;
                var tj = t - ti * (ti + 1) / 2;
                UpdateTile(a, m, k0, end, end + ti * Tile, end + tj * Tile);
            });
        }
        return true;
    }

    /// <summary>The diagonal block rows and columns [k0, end), already updated by every earlier panel.</summary>
    private static bool FactorDiagonal(double[] a, int m, int k0, int end)
    {
        for (var i = k0; i < end; i++)
        {
            var row = a.AsSpan(i * m, m);
            for (var j = k0; j <= i; j++)
            {
                var s = row[j] - VectorKernels.Dot(row[k0..j], a.AsSpan(j * m + k0, j - k0));
                if (j < i)
                {
                    row[j] = s / a[j * m + j];
                    continue;
                }
                if (!(s > 0) || !double.IsFinite(s))
                    return false;
                row[i] = Math.Sqrt(s);
            }
        }
        return true;
    }

    /// <summary>a[i, j] −= a[i, k0..end) · a[j, k0..end) for the lower-triangle entries of the tile at rows i0, columns j0.</summary>
    private static void UpdateTile(double[] a, int m, int k0, int end, int i0, int j0)
    {
        var ia = Math.Min(Tile, m - i0);
        var jb = Math.Min(Tile, m - j0);
        var length = end - k0;
        var w = Vector<double>.Count;
        var vectorLength = length - length % w;
        ref var origin = ref MemoryMarshal.GetArrayDataReference(a);
        Span<double> s = stackalloc double[8];
        for (var p = 0; p < ia; p += 4)
        {
            var rows = Math.Min(4, ia - p);
            for (var q = 0; q < jb; q += 2)
            {
                if (j0 + q > i0 + p + rows - 1) break;
                var cols = Math.Min(2, jb - q);
                if (rows == 4 && cols == 2)
                {
                    LaneDots.FourByTwo(ref At(ref origin, (i0 + p) * m + k0), ref At(ref origin, (i0 + p + 1) * m + k0),
                        ref At(ref origin, (i0 + p + 2) * m + k0), ref At(ref origin, (i0 + p + 3) * m + k0),
                        ref At(ref origin, (j0 + q) * m + k0), ref At(ref origin, (j0 + q + 1) * m + k0), vectorLength, s);
                    for (var x = 0; x < 4; x++)
                    {
                        for (var y = 0; y < 2; y++)
                        {
                            var (i, j) = (i0 + p + x, j0 + q + y);
                            if (j <= i) a[i * m + j] -= s[x * 2 + y] + Tail(a, m, k0 + vectorLength, end, i, j);
                        }
                    }
                    continue;
                }
                for (var x = 0; x < rows; x++)
                {
                    for (var y = 0; y < cols; y++)
                    {
                        var (i, j) = (i0 + p + x, j0 + q + y);
                        if (j > i) continue;
                        var sum = LaneDots.One(ref At(ref origin, i * m + k0), ref At(ref origin, j * m + k0), vectorLength);
                        a[i * m + j] -= sum + Tail(a, m, k0 + vectorLength, end, i, j);
                    }
                }
            }
        }
    }

    /// <summary>The columns of the panel past its last full vector.</summary>
    private static double Tail(double[] a, int m, int from, int end, int i, int j)
    {
        var sum = 0.0;
        for (var k = from; k < end; k++)
            sum += a[i * m + k] * a[j * m + k];
        return sum;
    }

    private static ref double At(ref double origin, int offset) => ref System.Runtime.CompilerServices.Unsafe.Add(ref origin, offset);

    /// <summary>Overwrites <paramref name="b"/> with x, where L Lᵀ x = b and L is the factor written by <see cref="Factor"/>.</summary>
    public static void Solve(double[] factor, int m, Span<double> b)
    {
        SolveLower(factor, m, b);
        SolveUpper(factor, m, b);
    }

    /// <summary>Overwrites <paramref name="b"/> with y, where L y = b.</summary>
    public static void SolveLower(double[] factor, int m, Span<double> b)
    {
        for (var i = 0; i < m; i++)
            b[i] = (b[i] - VectorKernels.Dot(factor.AsSpan(i * m, i), b[..i])) / factor[i * m + i];
    }

    /// <summary>Overwrites <paramref name="b"/> with x, where Lᵀ x = b.</summary>
    public static void SolveUpper(double[] factor, int m, Span<double> b)
    {
        // By columns of Lᵀ, i.e. rows of L: x_i is final once every later x_k has been subtracted.
        for (var i = m - 1; i >= 0; i--)
        {
            b[i] /= factor[i * m + i];
            VectorKernels.AddScaled(-b[i], factor.AsSpan(i * m, i), b[..i]);
        }
    }
}
