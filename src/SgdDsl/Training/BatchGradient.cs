using System.Buffers;
using SgdDsl.Numerics;

namespace SgdDsl.Descent;

/// <summary>
/// Sums of per-sample gradients Σ_{p} ∇ℓ_{ξ_p}(θ) and losses over a batch ξ, in a fixed order: the batch is cut into
/// chunks whose layout depends only on its size and on d (<see cref="ChunkSize"/>: enough samples for a chunk's work to
/// reach <see cref="ParallelWork"/>, at most <see cref="MaxChunks"/> chunks); each chunk sums its samples in order and
/// the chunk sums are added in chunk order. Threads only decide which chunk runs where, so every result is bitwise the
/// same for every thread count, and a batch of one chunk is the plain sum in batch order.
/// </summary>
internal sealed class BatchGradient
{
    /// <summary>The most samples a chunk needs to reach <see cref="ParallelWork"/>: 64 (a chunk of small models).</summary>
    public const int MaxMinimumChunk = 64;

    /// <summary>At most this many chunk sums of d doubles are held (d = 10^5: 25 MB).</summary>
    public const int MaxChunks = 32;

    /// <summary>
    /// The least work (samples · d) of a chunk, and of a batch spread over threads: 2^15, tens of microseconds of
    /// gradients, well above the few microseconds a parallel loop costs to start.
    /// </summary>
    public const long ParallelWork = 1L << 15;

    private readonly ILossModel model;
    private readonly Dataset data;
    private readonly int dimension;
    private readonly int maxDegreeOfParallelism;
    private readonly double[] scratch;
    private double[][] chunkSums = [];
    private double[] chunkValues = [];

    /// <param name="model">The per-sample loss (its methods must be safe to call from several threads at once).</param>
    /// <param name="data">The samples.</param>
    /// <param name="maxDegreeOfParallelism">Most threads; −1 lets the runtime decide.</param>
    public BatchGradient(ILossModel model, Dataset data, int maxDegreeOfParallelism)
    {
        this.model = model;
        this.data = data;
        dimension = model.ParameterCount;
        this.maxDegreeOfParallelism = maxDegreeOfParallelism;
        scratch = new double[dimension];
    }

    /// <summary>
    /// The chunk length for a batch of <paramref name="size"/> at d = <paramref name="dimension"/>:
    /// max(min(⌈2^15/d⌉, 64), ⌈size/32⌉). At d = 10^5 a chunk is one sample, so even a small SGD batch is spread over
    /// threads; at d ≤ 512 it is 64, and every batch of up to 64 is the plain sum.
    /// </summary>
    public static int ChunkSize(int size, int dimension)
    {
        var least = (int)Math.Min(MaxMinimumChunk, (ParallelWork + dimension - 1) / dimension);
        return Math.Max(least, (size + MaxChunks - 1) / MaxChunks);
    }

    /// <summary>
    /// Writes Σ_{p &lt; size} ∇ℓ_{batch[p]}(θ) into <paramref name="gradientSum"/> and returns Σ_p ℓ_{batch[p]}(θ).
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="token"/> is cancelled before the last chunk
    /// starts (<paramref name="gradientSum"/> is then partial); the model's exceptions come through unwrapped.
    /// </summary>
    public double Sum(double[] theta, int[] batch, int size, double[] gradientSum, CancellationToken token)
    {
        var chunk = ChunkSize(size, dimension);
        var chunks = (size + chunk - 1) / chunk;
        Reserve(chunks);
        var sums = chunkSums;
        var values = chunkValues;
        sums[0] = gradientSum;
        if (OnOneThread(chunks, size))
        {
            // Delegates only for the parallel loop: a small SGD step allocates nothing.
            for (var c = 0; c < chunks; c++)
            {
                token.ThrowIfCancellationRequested();
                values[c] = GradientChunk(theta, batch, c * chunk, Math.Min(size, (c + 1) * chunk), sums[c], scratch);
            }
        }
        else
        {
            GradientsInParallel(theta, batch, size, chunk, chunks, token);
        }
        var total = values[0];
        for (var c = 1; c < chunks; c++)
        {
            VectorKernels.AddScaled(1.0, sums[c], gradientSum);
            total += values[c];
        }
        return total;
    }

    /// <summary>Σ_{i &lt; N} ℓ_i(θ) over every sample, in the chunks of a batch of N (no gradients).</summary>
    public double ValueSum(double[] theta, CancellationToken token)
    {
        var n = data.Count;
        var chunk = ChunkSize(n, dimension);
        var chunks = (n + chunk - 1) / chunk;
        Reserve(chunks);
        var values = chunkValues;
        if (OnOneThread(chunks, n))
        {
            for (var c = 0; c < chunks; c++)
            {
                token.ThrowIfCancellationRequested();
                values[c] = ValueChunk(theta, c * chunk, Math.Min(n, (c + 1) * chunk));
            }
        }
        else
        {
            ValuesInParallel(theta, n, chunk, chunks, token);
        }
        var total = values[0];
        for (var c = 1; c < chunks; c++)
            total += values[c];
        return total;
    }

    // The parallel loops in methods of their own: their lambdas' closure is then allocated only when they run.
    private void GradientsInParallel(double[] theta, int[] batch, int size, int chunk, int chunks, CancellationToken token)
    {
        var (sums, values) = (chunkSums, chunkValues);
        InParallel(chunks, token, () => ArrayPool<double>.Shared.Rent(dimension),
            (c, local) => values[c] = GradientChunk(theta, batch, c * chunk, Math.Min(size, (c + 1) * chunk), sums[c], local),
            local => ArrayPool<double>.Shared.Return(local));
    }

    private void ValuesInParallel(double[] theta, int n, int chunk, int chunks, CancellationToken token)
    {
        var values = chunkValues;
        InParallel(chunks, token, () => scratch, (c, _) => values[c] = ValueChunk(theta, c * chunk, Math.Min(n, (c + 1) * chunk)), _ => { });
    }

    /// <summary>Σ_{from ≤ p &lt; to} ∇ℓ_{batch[p]} into <paramref name="target"/> (the first written directly); returns Σ ℓ.</summary>
    private double GradientChunk(double[] theta, int[] batch, int from, int to, double[] target, double[] work)
    {
        var scratchSpan = work.AsSpan(0, dimension);
        var value = model.Gradient(theta, data[batch[from]], target);
        for (var p = from + 1; p < to; p++)
        {
            value += model.Gradient(theta, data[batch[p]], scratchSpan);
            VectorKernels.AddScaled(1.0, scratchSpan, target);
        }
        return value;
    }

    private double ValueChunk(double[] theta, int from, int to)
    {
        var value = 0.0;
        for (var i = from; i < to; i++)
            value += model.Value(theta, data[i]);
        return value;
    }

    /// <summary>Chunk sums beyond the first (which is the caller's buffer), allocated once for the largest batch seen.</summary>
    private void Reserve(int chunks)
    {
        if (chunkValues.Length >= chunks) return;
        var sums = new double[chunks][];
        for (var c = 1; c < chunks; c++)
            sums[c] = c < chunkSums.Length ? chunkSums[c] : new double[dimension];
        chunkSums = sums;
        chunkValues = new double[chunks];
    }

    private bool OnOneThread(int chunks, int size) =>
        chunks == 1 || (long)size * dimension < ParallelWork || maxDegreeOfParallelism == 1;

    /// <summary>body(chunk, scratch) for every chunk on the thread pool; the token is checked between chunks.</summary>
    private void InParallel(int chunks, CancellationToken token, Func<double[]> rent, Action<int, double[]> body, Action<double[]> release)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = token };
        try
        {
            Parallel.For(0, chunks, options, rent, (c, _, local) =>
            {
                body(c, local);
                return local;
            }, release);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // The model's own exception (an ArithmeticException, say), as the sequential path would throw it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
