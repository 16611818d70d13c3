using SgdDsl.Linearization;

namespace SgdDsl.Exponents;

/// <summary>
/// Estimates the top Lyapunov exponent λ of the random products A_ξn ⋯ A_ξ1 on N (A_ξ = I − η K_ξ) by the
/// renormalized iteration v_k = A_ξk v_{k−1}/‖A_ξk v_{k−1}‖, λ̂ = mean of log ‖A_ξk v_{k−1}‖ after a discarded
/// transient. Independent chains run in parallel, each from its own seed; their block means are combined in
/// chain order, so λ̂ and its standard error are bit-identical for any degree of parallelism.
/// </summary>
internal static class LyapunovEstimator
{
    public sealed record Settings(
        double LearningRate,
        int BatchSize,
        BatchSampling Sampling,
        int Seed,
        int Chains,
        int Transient,
        int Steps,
        int BlocksPerChain,
        int MaxDegreeOfParallelism);

    public static LyapunovEstimate Estimate(RestrictedHessians hessians, Settings settings)
    {
        var chains = settings.Chains;
        var blocks = settings.BlocksPerChain;
        // Blocks and the transient are whole epochs, so reshuffling blocks start at epoch boundaries.
        var epoch = BatchSampler.StepsPerEpochOf(settings.Sampling, hessians.Count, settings.BatchSize);
        var blockSize = Math.Max(1, settings.Steps / blocks / epoch) * epoch;
        var transient = (settings.Transient + epoch - 1) / epoch * epoch;

        var blockMeans = new double[chains][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };
        Parallel.For(0, chains, parallel, c => blockMeans[c] = RunChain(hessians, settings, c, transient, blockSize));

        var chainValues = new double[chains];
        for (var c = 0; c < chains; c++)
            chainValues[c] = blockMeans[c].Average();
        var measured = (long)chains * blocks * blockSize;
        if (blockMeans.Any(m => m.Any(double.IsNegativeInfinity)))
            return new LyapunovEstimate(double.NegativeInfinity, 0.0, measured, chainValues, []);

        var history = new LambdaHistoryPoint[blocks];
        for (var b = 1; b <= blocks; b++)
        {
            var (mean, se) = BatchMeans(blockMeans, b);
            history[b - 1] = new LambdaHistoryPoint((long)b * blockSize, mean, se);
        }
        var final = history[^1];
        return new LyapunovEstimate(final.Lambda, final.StandardError, measured, chainValues, history);
    }

    /// <summary>Mean and standard error of the first <paramref name="blocks"/> block means of every chain, in chain order.</summary>
    private static (double Mean, double StandardError) BatchMeans(double[][] blockMeans, int blocks)
    {
        var sum = new NeumaierSum();
        var count = 0;
        foreach (var chain in blockMeans)
        {
            for (var b = 0; b < blocks; b++)
            {
                sum.Add(chain[b]);
                count++;
            }
        }
        var mean = sum.Value / count;
        if (count < 2)
            return (mean, double.NaN);
        var squares = new NeumaierSum();
        foreach (var chain in blockMeans)
        {
            for (var b = 0; b < blocks; b++)
                squares.Add((chain[b] - mean) * (chain[b] - mean));
        }
        return (mean, Math.Sqrt(squares.Value / (count - 1) / count));
    }

    private static double[] RunChain(RestrictedHessians hessians, Settings settings, int chain, int transient, int blockSize)
    {
        var r = hessians.Dimension;
        var random = new Random(SeedStreams.Derive(settings.Seed, SeedStreams.LyapunovChains, chain));
        var sampler = BatchSampler.Create(settings.Sampling, hessians.Count, settings.BatchSize, random);
        var batch = new int[settings.BatchSize];
        var v = new double[r];
        var acc = new double[r];
        var means = new double[settings.BlocksPerChain];

        // A Gaussian start is almost surely outside every invariant subspace of lower exponent.
        var norm = 0.0;
        while (norm == 0.0)
        {
            for (var k = 0; k < r; k++)
                v[k] = Gaussian(random);
            norm = Math.Sqrt(Dot(v, v));
        }
        for (var k = 0; k < r; k++)
            v[k] /= norm;

        for (var t = 0; t < transient; t++)
        {
            if (Step(hessians, sampler, settings.LearningRate, batch, v, acc) == 0.0)
                return Annihilated(means);
        }
        for (var b = 0; b < means.Length; b++)
        {
            var sum = new NeumaierSum();
            for (var t = 0; t < blockSize; t++)
            {
                var growth = Step(hessians, sampler, settings.LearningRate, batch, v, acc);
                if (growth == 0.0)
                    return Annihilated(means);
                sum.Add(Math.Log(growth));
            }
            means[b] = sum.Value / blockSize;
        }
        return means;
    }

    /// <summary>v ← A_ξ v / ‖A_ξ v‖ for the next batch ξ; returns ‖A_ξ v‖ (0 when the map annihilated v).</summary>
    private static double Step(RestrictedHessians hessians, BatchSampler sampler, double eta, int[] batch, double[] v, double[] acc)
    {
        var size = sampler.Next(batch);
        Array.Clear(acc);
        for (var j = 0; j < size; j++)
            hessians.AddProduct(batch[j], v, acc);
        var scale = eta / size;
        for (var k = 0; k < v.Length; k++)
            v[k] -= scale * acc[k];
        var norm = Math.Sqrt(Dot(v, v));
        if (norm == 0.0)
            return 0.0;
        for (var k = 0; k < v.Length; k++)
            v[k] /= norm;
        return norm;
    }

    // The product of the maps drawn so far sends a random vector to 0, so it is the zero map: λ = −∞.
    private static double[] Annihilated(double[] means)
    {
        Array.Fill(means, double.NegativeInfinity);
        return means;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
            sum += a[k] * b[k];
        return sum;
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − U avoids log 0.
        var u = 1.0 - random.NextDouble();
        var w = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * w);
    }
}
