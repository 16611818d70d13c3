using SgdDsl.Models;
using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// The kept factor rows g_a = √(2c)∇f_{i,k} held by their structure: on each matrix block W of θ (m×n, m, n ≥ 2) a dense
/// layer's output gradient is an outer product, ∂f/∂W_jk = δ_j a_k (δ the back-propagated signal, a the layer's input), so
/// the row is stored as u_a (m) and v_a (n) there, and densely on every other coordinate. G = Σ_W (UUᵀ)∘(VVᵀ) + RRᵀ then
/// costs m_rows²·Σ(m + n)/2 multiply-adds instead of m_rows²·d/2 (for a 784–128–10 net, 912 + 138 against 101,632 per
/// pair), and the rows take Σ(m + n) doubles instead of d. Used only when every row factors on every matrix block.
/// </summary>
internal sealed class FactoredRows : SpanningColumns
{
    /// <summary>
    /// A block is an outer product when ‖M − u vᵀ‖_F ≤ this × ‖M‖_F. The factors come from one row and one column of M,
    /// so for an exact outer product whose entries are each one rounded product the residual is a few ε ≈ 1e-15;
    /// 1e-13 leaves a margin of about 100 and is still far below the Gram route's conditioning cut.
    /// </summary>
    public const double Tolerance = 1e-13;

    /// <summary>Factor only when it stores at most this fraction of d per row (otherwise the dense rows are as cheap).</summary>
    public const double MostStoredFraction = 0.25;

    private readonly int dimension;
    private readonly MatrixBlock[] blocks;
    private readonly int[] denseCoordinates;
    // Per block: the u's (count × m) and v's (count × n); the dense part (count × denseCoordinates.Length).
    private readonly double[][] lefts;
    private readonly double[][] rights;
    private readonly double[] dense;

    private FactoredRows(int dimension, int count, MatrixBlock[] blocks, int[] denseCoordinates)
    {
        this.dimension = dimension;
        Count = count;
        this.blocks = blocks;
        this.denseCoordinates = denseCoordinates;
        lefts = blocks.Select(b => new double[count * b.Rows]).ToArray();
        rights = blocks.Select(b => new double[count * b.Columns]).ToArray();
        dense = new double[count * denseCoordinates.Length];
    }

    public override int Count { get; }

    public override int Dimension => dimension;

    /// <summary>A matrix block of θ: Rows × Columns coordinates from Offset, row-major.</summary>
    internal readonly record struct MatrixBlock(int Offset, int Rows, int Columns);

    /// <summary>The matrix blocks worth factoring, or null when factoring would not store under <see cref="MostStoredFraction"/> of d.</summary>
    public static MatrixBlock[]? Plan(IReadOnlyList<ParameterBlock> parameters, int d)
    {
        var blocks = parameters.Where(p => p.Shape is [>= 2, >= 2]).Select(p => new MatrixBlock(p.Offset, p.Shape[0], p.Shape[1])).ToArray();
        var stored = d - blocks.Sum(b => b.Rows * b.Columns - b.Rows - b.Columns);
        return blocks.Length > 0 && stored <= MostStoredFraction * d ? blocks : null;
    }

    /// <summary>
    /// The rows <paramref name="rows"/> of the scaled output Jacobian, factored on <paramref name="blocks"/>; null as soon as
    /// one row is not an outer product on one of them (then nothing is kept). One Jacobian per sample, in parallel; the
    /// factors of a row do not depend on the thread count.
    /// </summary>
    public static FactoredRows? TryCreate(SquaredResidualForm form, Dataset data, double[] point, (int Sample, int Output)[] rows,
        MatrixBlock[] blocks, int maxDegreeOfParallelism)
    {
        var d = point.Length;
        var result = Empty(d, rows.Length, blocks);
        var starts = Enumerable.Range(0, rows.Length).Where(a => a == 0 || rows[a].Sample != rows[a - 1].Sample).ToArray();
        var scale = Math.Sqrt(2.0 * form.Scale);
        var k = form.OutputCount;
        var failed = 0;
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, () => new double[k * d], (s, state, jacobian) =>
        {
            var first = starts[s];
            form.OutputJacobian(point, data[rows[first].Sample], jacobian);
            for (var a = first; a < rows.Length && rows[a].Sample == rows[first].Sample; a++)
            {
                var row = jacobian.AsSpan(rows[a].Output * d, d);
                VectorKernels.Scale(scale, row);
                if (!result.TryStore(a, row))
                {
                    Interlocked.Exchange(ref failed, 1);
                    state.Stop();
                    break;
                }
            }
            return jacobian;
        }, _ => { });
        return failed == 0 ? result : null;
    }

    /// <summary>
    /// Rows already held (the Jacobian of a Gauss–Newton step) by their factors on <paramref name="blocks"/>; null as soon as
    /// one row is not an outer product on one of them.
    /// </summary>
    public static FactoredRows? TryCreate(RowMatrix rows, MatrixBlock[] blocks, int maxDegreeOfParallelism)
    {
        var d = rows.Columns;
        var result = Empty(d, rows.Rows, blocks);
        var failed = 0;
        Parallel.For(0, rows.Rows, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, (a, state) =>
        {
            if (result.TryStore(a, rows.Row(a))) return;
            Interlocked.Exchange(ref failed, 1);
            state.Stop();
        });
        return failed == 0 ? result : null;
    }

    /// <summary>Storage for <paramref name="count"/> rows of length d, dense on every coordinate outside the blocks.</summary>
    private static FactoredRows Empty(int d, int count, MatrixBlock[] blocks)
    {
        var inBlock = new bool[d];
        foreach (var b in blocks)
            Array.Fill(inBlock, true, b.Offset, b.Rows * b.Columns);
        return new FactoredRows(d, count, blocks, Enumerable.Range(0, d).Where(j => !inBlock[j]).ToArray());
    }

    /// <summary>Stores row <paramref name="a"/> by its factors; false when a block of it is not an outer product.</summary>
    private bool TryStore(int a, ReadOnlySpan<double> row)
    {
        for (var b = 0; b < blocks.Length; b++)
        {
            var (offset, m, n) = blocks[b];
            if (!TryFactor(row.Slice(offset, m * n), m, n, lefts[b].AsSpan(a * m, m), rights[b].AsSpan(a * n, n)))
                return false;
        }
        var target = dense.AsSpan(a * denseCoordinates.Length, denseCoordinates.Length);
        for (var j = 0; j < denseCoordinates.Length; j++)
            target[j] = row[denseCoordinates[j]];
        return true;
    }

    /// <summary>M = u vᵀ (M m×n row-major) from the row and column of M's largest entry, checked against <see cref="Tolerance"/>.</summary>
    internal static bool TryFactor(ReadOnlySpan<double> matrix, int m, int n, Span<double> u, Span<double> v)
    {
        var pivot = 0;
        for (var e = 1; e < matrix.Length; e++)
        {
            if (Math.Abs(matrix[e]) > Math.Abs(matrix[pivot])) pivot = e;
        }
        var (p, q) = (pivot / n, pivot % n);
        var top = matrix[pivot];
        if (top == 0.0)
        {
            u.Clear();
            v.Clear();
            return true;
        }
        for (var j = 0; j < m; j++)
            u[j] = matrix[j * n + q];
        for (var k = 0; k < n; k++)
            v[k] = matrix[p * n + k] / top;
        double residual = 0.0, norm = 0.0;
        for (var j = 0; j < m; j++)
        {
            var uj = u[j];
            for (var k = 0; k < n; k++)
            {
                var x = matrix[j * n + k];
                var e = x - uj * v[k];
                residual += e * e;
                norm += x * x;
            }
        }
        // NaN fails too, so a non-finite row reaches the dense route's own checks.
        return residual <= Tolerance * Tolerance * norm;
    }

    public override double[] Gram(int maxDegreeOfParallelism)
    {
        var gram = new double[Count * Count];
        Gram(gram, maxDegreeOfParallelism);
        return gram;
    }

    /// <summary>Writes G into <paramref name="gram"/> (m×m, row-major).</summary>
    public void Gram(double[] gram, int maxDegreeOfParallelism)
    {
        var m = Count;
        if (m == 0) return;
        var terms = new List<GramTerm>();
        for (var b = 0; b < blocks.Length; b++)
            terms.Add(new GramTerm(new RowMatrix([lefts[b]], m, blocks[b].Rows), new RowMatrix([rights[b]], m, blocks[b].Columns)));
        if (denseCoordinates.Length > 0)
            terms.Add(new GramTerm(new RowMatrix([dense], m, denseCoordinates.Length), null));
        GramMatrix.Compute(terms, gram, maxDegreeOfParallelism);
    }

    /// <summary>t_a = Σ_W u_aᵀ X_W v_a + r_a · x_rest (X_W the block of x as an m×n matrix).</summary>
    public override void Dots(ReadOnlySpan<double> x, Span<double> t)
    {
        var rest = Gather(x);
        var xs = x.ToArray();
        var results = new double[Count];
        Parallel.For(0, Count, () => new double[blocks.Length == 0 ? 0 : blocks.Max(b => b.Rows)], (a, _, xv) =>
        {
            var sum = VectorKernels.Dot(dense.AsSpan(a * rest.Length, rest.Length), rest);
            for (var b = 0; b < blocks.Length; b++)
            {
                var (offset, m, n) = blocks[b];
                var v = rights[b].AsSpan(a * n, n);
                for (var j = 0; j < m; j++)
                    xv[j] = VectorKernels.Dot(xs.AsSpan(offset + j * n, n), v);
                sum += VectorKernels.Dot(lefts[b].AsSpan(a * m, m), xv.AsSpan(0, m));
            }
            results[a] = sum;
            return xv;
        }, _ => { });
        results.CopyTo(t);
    }

    /// <summary>x += Σ_a c_a g_a: on a block X_W += Σ_a (c_a u_a) v_aᵀ, row by row.</summary>
    public override void AddCombination(ReadOnlySpan<double> coefficients, Span<double> x)
    {
        for (var b = 0; b < blocks.Length; b++)
        {
            var (offset, m, n) = blocks[b];
            for (var a = 0; a < Count; a++)
            {
                var c = coefficients[a];
                if (c == 0.0) continue;
                var v = rights[b].AsSpan(a * n, n);
                for (var j = 0; j < m; j++)
                    VectorKernels.AddScaled(c * lefts[b][a * m + j], v, x.Slice(offset + j * n, n));
            }
        }
        var width = denseCoordinates.Length;
        for (var a = 0; a < Count; a++)
        {
            for (var j = 0; j < width; j++)
                x[denseCoordinates[j]] += coefficients[a] * dense[a * width + j];
        }
    }

    public override IReadOnlyList<double[]> Materialize()
    {
        var all = new double[Count][];
        for (var a = 0; a < Count; a++)
        {
            var row = all[a] = new double[dimension];
            for (var b = 0; b < blocks.Length; b++)
            {
                var (offset, m, n) = blocks[b];
                var v = rights[b].AsSpan(a * n, n);
                for (var j = 0; j < m; j++)
                    VectorKernels.AddScaled(lefts[b][a * m + j], v, row.AsSpan(offset + j * n, n));
            }
            for (var j = 0; j < denseCoordinates.Length; j++)
                row[denseCoordinates[j]] = dense[a * denseCoordinates.Length + j];
        }
        return all;
    }

    private double[] Gather(ReadOnlySpan<double> x)
    {
        var rest = new double[denseCoordinates.Length];
        for (var j = 0; j < rest.Length; j++)
            rest[j] = x[denseCoordinates[j]];
        return rest;
    }
}
