using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// The kept factor rows g_a = √(2c)∇f_{i,k} recomputed from the model's output Jacobian, one block of at most
/// <see cref="BlockBytes"/> at a time, for problems whose N·K×d Jacobian is too large to hold (K = 10, N = 500,
/// d = 10⁵ is 4 GB). G is built block by block (diagonal blocks by <see cref="GramMatrix.Compute(RowMatrix, double[], int)"/>, the others by
/// <see cref="GramMatrix.ComputeCross"/>: the same sums as at once); a product with C or Cᵀ is one more pass over
/// the samples. Memory: two blocks and G.
/// </summary>
internal sealed class StreamedFactorRows : SpanningColumns
{
    /// <summary>The most bytes of factor rows held at once per block (two blocks are live while G is built).</summary>
    public const long BlockBytes = 250_000_000;

    private readonly SquaredResidualForm form;
    private readonly Dataset data;
    private readonly double[] point;
    private readonly (int Sample, int Output)[] rows;
    private readonly int blockRows;
    private readonly int maxDegreeOfParallelism;
    private readonly double[]?[] buffers;

    public StreamedFactorRows(SquaredResidualForm form, Dataset data, double[] point, (int Sample, int Output)[] rows, int maxDegreeOfParallelism,
        long blockBytes = BlockBytes)
    {
        this.form = form;
        this.data = data;
        this.point = point;
        this.rows = rows;
        this.maxDegreeOfParallelism = maxDegreeOfParallelism;
        buffers = new double[maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount][];
        blockRows = (int)Math.Clamp(blockBytes / (8L * point.Length), 1, Math.Max(1, rows.Length));
    }

    public override int Count => rows.Length;

    public override int Dimension => point.Length;

    public override void Dots(ReadOnlySpan<double> x, Span<double> t)
    {
        var block = Allocate();
        for (var first = 0; first < Count; first += blockRows)
        {
            var count = Fill(first, block);
            for (var a = 0; a < count; a++)
                t[first + a] = VectorKernels.Dot(block[a], x);
        }
    }

    public override void AddCombination(ReadOnlySpan<double> coefficients, Span<double> x)
    {
        var block = Allocate();
        for (var first = 0; first < Count; first += blockRows)
        {
            var count = Fill(first, block);
            for (var a = 0; a < count; a++)
                VectorKernels.AddScaled(coefficients[first + a], block[a], x);
        }
    }

    public override double[] Gram(int threads)
    {
        var m = Count;
        var gram = new double[m * m];
        var x = Allocate();
        var y = Allocate();
        for (var i0 = 0; i0 < m; i0 += blockRows)
        {
            var ni = Fill(i0, x);
            var diagonal = new double[ni * ni];
            GramMatrix.Compute(Prefix(x, ni), diagonal, threads);
            for (var a = 0; a < ni; a++)
                Array.Copy(diagonal, a * ni, gram, (i0 + a) * m + i0, ni);
            for (var j0 = i0 + blockRows; j0 < m; j0 += blockRows)
            {
                var nj = Fill(j0, y);
                var cross = new double[ni * nj];
                GramMatrix.ComputeCross(Prefix(x, ni), Prefix(y, nj), cross, threads);
                for (var a = 0; a < ni; a++)
                {
                    for (var b = 0; b < nj; b++)
                        gram[(i0 + a) * m + j0 + b] = gram[(j0 + b) * m + i0 + a] = cross[a * nj + b];
                }
            }
        }
        return gram;
    }

    public override IReadOnlyList<double[]> Materialize()
    {
        var all = new double[Count][];
        var block = Allocate();
        for (var first = 0; first < Count; first += blockRows)
        {
            var count = Fill(first, block);
            for (var a = 0; a < count; a++)
                all[first + a] = (double[])block[a].Clone();
        }
        return all;
    }

    /// <summary>Writes rows [first, first + count) into the first rows of <paramref name="block"/>; returns count.</summary>
    private int Fill(int first, double[][] block)
    {
        var count = Math.Min(blockRows, Count - first);
        var d = Dimension;
        var k = form.OutputCount;
        var scale = Math.Sqrt(2.0 * form.Scale);
        // The samples of this block, each evaluated once; rows of one sample are consecutive.
        var starts = new List<int>();
        for (var a = first; a < first + count; a++)
        {
            if (a == first || rows[a].Sample != rows[a - 1].Sample)
                starts.Add(a);
        }
        // Contiguous runs of samples, one per buffer: each sample's K×d Jacobian lands in a buffer allocated once per
        // object (a fresh 8 MB buffer per task would pile up on the large-object heap between full collections).
        var parts = Math.Min(buffers.Length, starts.Count);
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, part =>
        {
            var jacobian = buffers[part] ??= new double[k * d];
            for (var s = part * starts.Count / parts; s < (part + 1) * starts.Count / parts; s++)
            {
                var a = starts[s];
                var sample = rows[a].Sample;
                form.OutputJacobian(point, data[sample], jacobian);
                for (; a < first + count && rows[a].Sample == sample; a++)
                {
                    var target = block[a - first];
                    var source = jacobian.AsSpan(rows[a].Output * d, d);
                    for (var j = 0; j < d; j++)
                        target[j] = scale * source[j];
                }
            }
        });
        return count;
    }

    private double[][] Allocate() => Enumerable.Range(0, blockRows).Select(_ => new double[Dimension]).ToArray();

    /// <summary>The first <paramref name="count"/> rows of a block as a matrix (no copy of the rows).</summary>
    private RowMatrix Prefix(double[][] block, int count) => new(block[..count], 1, Dimension);
}
