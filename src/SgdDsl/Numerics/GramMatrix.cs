using System.Numerics;
using System.Runtime.InteropServices;

namespace SgdDsl.Numerics;

/// <summary>
/// G = M Mᵀ for an m×n <see cref="RowMatrix"/> with n ≫ m (a Jacobian with d ≈ 10⁵ columns): m²n/2 multiply-adds in
/// tiles of 32×32 entries, each tile over column chunks that keep its two 32-row blocks in cache, with a 4×2
/// register-blocked vector kernel. Tiles run in parallel; every entry is summed by one fixed procedure (lanes over a
/// chunk, chunks in order), so G is the same for every thread count. Memory: G only.
/// </summary>
internal static class GramMatrix
{
    private const int Tile = 32;
    // 2 blocks × 32 rows × 512 doubles = 256 kB: both stay in L2 while the tile's 1,024 entries pass over them.
    private const int Chunk = 512;

    /// <summary>Writes G (m×m, row-major, exactly symmetric) into <paramref name="gram"/>.</summary>
    public static void Compute(RowMatrix rows, double[] gram, int maxDegreeOfParallelism) =>
        Compute([new GramTerm(rows, null)], gram, maxDegreeOfParallelism);

    /// <summary>
    /// Writes G = Σ_t (U_t U_tᵀ) ∘ (V_t V_tᵀ) (∘ the entrywise product; a term without V is U_t U_tᵀ) into
    /// <paramref name="gram"/>: the Gram matrix of rows whose parts are outer products u vᵀ, since
    /// ⟨u vᵀ, u' v'ᵀ⟩ = (u·u')(v·v'). Every term has m rows; each entry is summed by one fixed procedure.
    /// </summary>
    public static void Compute(IReadOnlyList<GramTerm> terms, double[] gram, int maxDegreeOfParallelism)
    {
        var m = terms[0].Left.Rows;
        var tiles = (m + Tile - 1) / Tile;
        var pairs = new List<(int I, int J)>(tiles * (tiles + 1) / 2);
        for (var i = 0; i < tiles; i++)
        {
            for (var j = i; j < tiles; j++)
                pairs.Add((i, j));
        }
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => (Sum: new double[Tile * Tile], Left: new double[Tile * Tile], Right: new double[Tile * Tile]),
            (p, _, buffers) =>
            {
                var (i0, j0) = (pairs[p].I * Tile, pairs[p].J * Tile);
                Array.Clear(buffers.Sum);
                foreach (var term in terms)
                {
                    ComputeTile(term.Left, i0, term.Left, j0, buffers.Left);
                    if (term.Right is { } right)
                    {
                        ComputeTile(right, i0, right, j0, buffers.Right);
                        for (var e = 0; e < buffers.Sum.Length; e++)
                            buffers.Sum[e] += buffers.Left[e] * buffers.Right[e];
                    }
                    else
                    {
                        for (var e = 0; e < buffers.Sum.Length; e++)
                            buffers.Sum[e] += buffers.Left[e];
                    }
                }
                Store(buffers.Sum, i0, j0, m, gram);
                return buffers;
            },
            _ => { });
    }

    /// <summary>
    /// Writes X Yᵀ (X.Rows × Y.Rows, row-major) into <paramref name="block"/>: an off-diagonal block of the Gram matrix of
    /// [X; Y], each entry summed by the same procedure as in <see cref="Compute(RowMatrix, double[], int)"/>, so a Gram matrix built block by block
    /// equals the one built at once.
    /// </summary>
    public static void ComputeCross(RowMatrix x, RowMatrix y, double[] block, int maxDegreeOfParallelism)
    {
        var (tilesX, tilesY) = ((x.Rows + Tile - 1) / Tile, (y.Rows + Tile - 1) / Tile);
        Parallel.For(0, tilesX * tilesY, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new double[Tile * Tile],
            (p, _, tile) =>
            {
                var (i0, j0) = (p / tilesY * Tile, p % tilesY * Tile);
                ComputeTile(x, i0, y, j0, tile);
                for (var a = 0; a < Math.Min(Tile, x.Rows - i0); a++)
                {
                    for (var b = 0; b < Math.Min(Tile, y.Rows - j0); b++)
                        block[(i0 + a) * y.Rows + j0 + b] = tile[a * Tile + b];
                }
                return tile;
            },
            _ => { });
    }

    /// <summary>tile[a·Tile + b] = x.Row(i0 + a) · y.Row(j0 + b) for the rows that exist.</summary>
    private static void ComputeTile(RowMatrix x, int i0, RowMatrix y, int j0, double[] tile)
    {
        var n = x.Columns;
        var ia = Math.Min(Tile, x.Rows - i0);
        var jb = Math.Min(Tile, y.Rows - j0);
        Array.Clear(tile);
        var w = Vector<double>.Count;
        var vectorColumns = n - n % w;
        for (var c0 = 0; c0 < vectorColumns; c0 += Chunk)
        {
            var length = Math.Min(Chunk, vectorColumns - c0);
            var a = 0;
            for (; a + 4 <= ia; a += 4)
            {
                var b = 0;
                for (; b + 2 <= jb; b += 2)
                    Block4x2(x, i0 + a, y, j0 + b, c0, length, tile, a * Tile + b);
                for (; b < jb; b++)
                {
                    for (var q = 0; q < 4; q++)
                        tile[(a + q) * Tile + b] += Block1x1(x.Row(i0 + a + q), y.Row(j0 + b), c0, length);
                }
            }
            for (; a < ia; a++)
            {
                for (var b = 0; b < jb; b++)
                    tile[a * Tile + b] += Block1x1(x.Row(i0 + a), y.Row(j0 + b), c0, length);
            }
        }
        for (var c = vectorColumns; c < n; c++)
        {
            for (var a = 0; a < ia; a++)
            {
                var value = x.Row(i0 + a)[c];
                for (var b = 0; b < jb; b++)
                    tile[a * Tile + b] += value * y.Row(j0 + b)[c];
            }
        }
    }

    /// <summary>Four rows against two over columns [c0, c0 + length), added to the tile.</summary>
    private static void Block4x2(RowMatrix rows, int i, RowMatrix other, int j, int c0, int length, double[] tile, int at)
    {
        Span<double> sums = stackalloc double[8];
        LaneDots.FourByTwo(ref MemoryMarshal.GetReference(rows.Row(i)[c0..]), ref MemoryMarshal.GetReference(rows.Row(i + 1)[c0..]),
            ref MemoryMarshal.GetReference(rows.Row(i + 2)[c0..]), ref MemoryMarshal.GetReference(rows.Row(i + 3)[c0..]),
            ref MemoryMarshal.GetReference(other.Row(j)[c0..]), ref MemoryMarshal.GetReference(other.Row(j + 1)[c0..]), length, sums);
        for (var q = 0; q < 4; q++)
        {
            tile[at + q * Tile] += sums[2 * q];
            tile[at + q * Tile + 1] += sums[2 * q + 1];
        }
    }

    /// <summary>One pair over the same columns, summed exactly as <see cref="Block4x2"/> sums each of its entries.</summary>
    private static double Block1x1(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int c0, int length) =>
        LaneDots.One(ref MemoryMarshal.GetReference(x[c0..]), ref MemoryMarshal.GetReference(y[c0..]), length);

    /// <summary>Copies a tile into G and its mirror; a diagonal tile gives its upper half, so G is exactly symmetric.</summary>
    private static void Store(double[] tile, int i0, int j0, int m, double[] gram)
    {
        var ia = Math.Min(Tile, m - i0);
        var jb = Math.Min(Tile, m - j0);
        for (var a = 0; a < ia; a++)
        {
            for (var b = i0 == j0 ? a : 0; b < jb; b++)
            {
                var value = tile[a * Tile + b];
                gram[(i0 + a) * m + j0 + b] = value;
                gram[(j0 + b) * m + i0 + a] = value;
            }
        }
    }
}

/// <summary>One term of <see cref="GramMatrix.Compute(IReadOnlyList{GramTerm}, double[], int)"/>: the rows U, and V when the rows are outer products.</summary>
internal readonly record struct GramTerm(RowMatrix Left, RowMatrix? Right);
