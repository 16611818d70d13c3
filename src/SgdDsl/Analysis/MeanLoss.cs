using SgdDsl.Numerics;

namespace SgdDsl.Analysis;

/// <summary>
/// L(θ) = (1/N) Σ ℓ_i(θ) with its gradient, Hessian–vector products and Hessian. Samples are cut into fixed chunks of
/// <see cref="ChunkSize"/>; each chunk sums its samples in order and the chunk sums are added in order, so the result
/// is the same whatever the number of threads (and, for N ≤ <see cref="ChunkSize"/>, the plain sum in sample order).
/// </summary>
internal sealed class MeanLoss
{
    private const int ChunkSize = 64;

    private readonly ILossModel model;
    private readonly Dataset data;
    private readonly ParallelOptions parallel;
    private readonly int chunks;
    private double[][]? chunkSums;
    private double[][]? chunkScratch;
    private double[]? sampleValues;
    private double[]? sampleHessian;

    /// <param name="model">The per-sample loss (its methods must be safe to call from several threads at once).</param>
    /// <param name="data">The samples.</param>
    /// <param name="maxDegreeOfParallelism">Most threads; 1 (default) evaluates on the calling thread.</param>
    public MeanLoss(ILossModel model, Dataset data, int maxDegreeOfParallelism = 1)
    {
        this.model = model;
        this.data = data;
        Dimension = model.ParameterCount;
        parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        chunks = (data.Count + ChunkSize - 1) / ChunkSize;
    }

    /// <summary>d, the number of parameters.</summary>
    public int Dimension { get; }

    /// <summary>The model.</summary>
    public ILossModel Model => model;

    /// <summary>The samples.</summary>
    public Dataset Data => data;

    /// <summary>The options the parallel loops run with.</summary>
    public ParallelOptions Parallelism => parallel;

    public double Value(ReadOnlySpan<double> theta)
    {
        if (chunks <= 1 || parallel.MaxDegreeOfParallelism == 1)
        {
            var sum = 0.0;
            for (var i = 0; i < data.Count; i++)
                sum += model.Value(theta, data[i]);
            return sum / data.Count;
        }
        // Per-sample values summed afterwards in sample order: the sequential sum exactly.
        sampleValues ??= new double[data.Count];
        var point = theta.ToArray();
        var values = sampleValues;
        Parallel.For(0, data.Count, parallel, i => values[i] = model.Value(point, data[i]));
        var total = 0.0;
        foreach (var v in values)
            total += v;
        return total / data.Count;
    }

    /// <summary>Writes ∇L into <paramref name="gradient"/> and returns L.</summary>
    public double Gradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var point = theta.ToArray();
        var values = new double[chunks];
        var sums = ForEachChunk((c, sum, scratch) =>
        {
            var value = 0.0;
            for (var i = c * ChunkSize; i < Math.Min(data.Count, (c + 1) * ChunkSize); i++)
            {
                value += model.Gradient(point, data[i], scratch);
                VectorKernels.AddScaled(1.0, scratch, sum);
            }
            values[c] = value;
        });
        var total = 0.0;
        foreach (var v in values)
            total += v;
        Combine(sums, gradient);
        return total / data.Count;
    }

    /// <summary>Writes (∇²L) v into <paramref name="result"/> without forming ∇²L.</summary>
    public void HessianVectorProduct(ReadOnlySpan<double> theta, ReadOnlySpan<double> v, Span<double> result)
    {
        var point = theta.ToArray();
        var direction = v.ToArray();
        var sums = ForEachChunk((c, sum, scratch) =>
        {
            for (var i = c * ChunkSize; i < Math.Min(data.Count, (c + 1) * ChunkSize); i++)
            {
                model.HessianVectorProduct(point, data[i], direction, scratch);
                VectorKernels.AddScaled(1.0, scratch, sum);
            }
        });
        Combine(sums, result);
    }

    /// <summary>Writes ∇²L, row-major d×d, into <paramref name="hessian"/>.</summary>
    public void Hessian(ReadOnlySpan<double> theta, Span<double> hessian)
    {
        hessian.Clear();
        // d×d scratch only for callers that want the Hessian: checking a minimum needs just the gradient.
        sampleHessian ??= new double[Dimension * Dimension];
        for (var i = 0; i < data.Count; i++)
        {
            model.Hessian(theta, data[i], sampleHessian);
            for (var k = 0; k < sampleHessian.Length; k++)
                hessian[k] += sampleHessian[k];
        }
        for (var k = 0; k < hessian.Length; k++)
            hessian[k] /= data.Count;
    }

    public static double Norm(ReadOnlySpan<double> v) => EuclideanNorm.Of(v);

    /// <summary>Runs <paramref name="work"/>(chunk, zeroed sum, scratch) for every chunk; returns the chunk sums.</summary>
    private double[][] ForEachChunk(Action<int, double[], double[]> work)
    {
        chunkSums ??= Enumerable.Range(0, chunks).Select(_ => new double[Dimension]).ToArray();
        chunkScratch ??= Enumerable.Range(0, chunks).Select(_ => new double[Dimension]).ToArray();
        var sums = chunkSums;
        var scratch = chunkScratch;
        if (chunks <= 1 || parallel.MaxDegreeOfParallelism == 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                Array.Clear(sums[c]);
                work(c, sums[c], scratch[c]);
            }
        }
        else
        {
            Parallel.For(0, chunks, parallel, c =>
            {
                Array.Clear(sums[c]);
                work(c, sums[c], scratch[c]);
            });
        }
        return sums;
    }

    /// <summary>target = (Σ_c sums[c]) / N, chunks added in order.</summary>
    private void Combine(double[][] sums, Span<double> target)
    {
        target.Clear();
        foreach (var sum in sums)
            VectorKernels.AddScaled(1.0, sum, target);
        for (var k = 0; k < Dimension; k++)
            target[k] /= data.Count;
    }
}
