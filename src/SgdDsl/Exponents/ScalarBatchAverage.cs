namespace SgdDsl.Exponents;

/// <summary>
/// E_ξ log|1 − η k_ξ| for scalar curvatures k_i, k_ξ the mean of k_i over a batch ξ of b samples: enumerated
/// over all batches when there are few enough, otherwise averaged over random batches.
/// </summary>
internal static class ScalarBatchAverage
{
    /// <summary>
    /// |1 − η k_ξ| at or below this (relative to max(1, η|k_ξ|)) is an exactly singular batch map, giving −∞ with
    /// positive probability. About 450 ulps: the k_i come from eigen-decompositions accurate to a few ulps times
    /// the dimension, so a smaller residue is round-off of an exact zero.
    /// </summary>
    public const double SingularTolerance = 1e-13;

    public static bool IsSingular(double factor, double scale) => Math.Abs(factor) <= SingularTolerance * Math.Max(1.0, scale);

    /// <summary>
    /// Averages over uniform b-subsets (<paramref name="withReplacement"/> false) or b-tuples of independent
    /// uniform indices (true; enumerated as multisets with multinomial weights).
    /// </summary>
    public static BatchAverage LogGrowth(double[] k, int b, bool withReplacement, double eta, long maxEnumerated, long samples, Random random)
    {
        var n = k.Length;
        var count = withReplacement ? Combinatorics.BinomialAtMost(n + b - 1, b, maxEnumerated) : Combinatorics.BinomialAtMost(n, b, maxEnumerated);
        if (count >= 0)
            return withReplacement ? EnumerateMultisets(k, b, eta) : EnumerateSubsets(k, b, eta);
        var sampler = withReplacement
            ? (BatchSampler)new ReplacementSampler(n, b, random)
            : new SubsetSampler(n, b, random);
        return Sample(k, sampler, eta, samples);
    }

    private static double LogFactor(double[] k, ReadOnlySpan<int> batch, double eta, out bool singular)
    {
        var sum = 0.0;
        foreach (var i in batch)
            sum += k[i];
        var mean = sum / batch.Length;
        var factor = 1.0 - eta * mean;
        singular = IsSingular(factor, eta * Math.Abs(mean));
        return Math.Log(Math.Abs(factor));
    }

    private static BatchAverage EnumerateSubsets(double[] k, int b, double eta)
    {
        var n = k.Length;
        var index = new int[b];
        for (var j = 0; j < b; j++)
            index[j] = j;
        var total = new NeumaierSum();
        long batches = 0;
        while (true)
        {
            var term = LogFactor(k, index, eta, out var singular);
            if (singular)
                return new BatchAverage(double.NegativeInfinity, 0.0, 0, true);
            total.Add(term);
            batches++;
            // Next subset in lexicographic order.
            var j = b - 1;
            while (j >= 0 && index[j] == n - b + j)
                j--;
            if (j < 0)
                break;
            index[j]++;
            for (var l = j + 1; l < b; l++)
                index[l] = index[l - 1] + 1;
        }
        return new BatchAverage(total.Value / batches, 0.0, 0, true);
    }

    private static BatchAverage EnumerateMultisets(double[] k, int b, double eta)
    {
        var n = k.Length;
        var logFactorial = new double[b + 1];
        for (var m = 2; m <= b; m++)
            logFactorial[m] = logFactorial[m - 1] + Math.Log(m);
        var logTuples = b * Math.Log(n);
        var index = new int[b];
        var weighted = new NeumaierSum();
        var weights = new NeumaierSum();
        while (true)
        {
            var term = LogFactor(k, index, eta, out var singular);
            if (singular)
                return new BatchAverage(double.NegativeInfinity, 0.0, 0, true);
            // A multiset with multiplicities m_j stands for b!/∏ m_j! of the N^b equally likely tuples.
            var logWeight = logFactorial[b] - logTuples;
            var run = 1;
            for (var j = 1; j <= b; j++)
            {
                if (j < b && index[j] == index[j - 1])
                {
                    run++;
                    continue;
                }
                logWeight -= logFactorial[run];
                run = 1;
            }
            var weight = Math.Exp(logWeight);
            weighted.Add(weight * term);
            weights.Add(weight);
            // Next non-decreasing index sequence.
            var i = b - 1;
            while (i >= 0 && index[i] == n - 1)
                i--;
            if (i < 0)
                break;
            index[i]++;
            for (var l = i + 1; l < b; l++)
                index[l] = index[i];
        }
        return new BatchAverage(weighted.Value / weights.Value, 0.0, 0, true);
    }

    private static BatchAverage Sample(double[] k, BatchSampler sampler, double eta, long samples)
    {
        var batch = new int[sampler.BatchSize];
        var mean = 0.0;
        var squares = 0.0;
        for (long s = 1; s <= samples; s++)
        {
            var size = sampler.Next(batch);
            var term = LogFactor(k, batch.AsSpan(0, size), eta, out var singular);
            // A singular batch drawn once has positive probability, so λ = −∞ exactly.
            if (singular)
                return new BatchAverage(double.NegativeInfinity, 0.0, s, true);
            // Welford's update.
            var delta = term - mean;
            mean += delta / s;
            squares += delta * (term - mean);
        }
        var standardError = samples > 1 ? Math.Sqrt(squares / (samples - 1) / samples) : double.NaN;
        return new BatchAverage(mean, standardError, samples, false);
    }
}
