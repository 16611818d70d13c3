namespace SgdDsl.Exponents;

/// <summary>
/// E_ξ term(ξ) over uniform B-subsets (without replacement) or B-tuples of independent uniform indices (with
/// replacement, enumerated as multisets with multinomial weights): exact when there are at most a given number
/// of batches, otherwise a Monte Carlo mean with its standard error. A term of −∞ (a singular batch map, positive
/// probability) makes the expectation −∞ exactly.
/// </summary>
internal static class BatchExpectation
{
    public delegate double Term(ReadOnlySpan<int> batch);

    public static BatchAverage Of(int n, int b, bool withReplacement, Term term, long maxEnumerated, long samples, Random random)
    {
        var count = withReplacement ? Combinatorics.BinomialAtMost(n + b - 1, b, maxEnumerated) : Combinatorics.BinomialAtMost(n, b, maxEnumerated);
        if (count >= 0)
            return withReplacement ? Multisets(n, b, term) : Subsets(n, b, term);
        var sampler = withReplacement ? (BatchSampler)new ReplacementSampler(n, b, random) : new SubsetSampler(n, b, random);
        return Sample(sampler, term, samples);
    }

    /// <summary>
    /// The per-step expectation under <paramref name="sampling"/>; for reshuffling the marginal of a step: q = ⌊N/B⌋
    /// full batches (uniform B-subsets) and, when m = N mod B &gt; 0, one uniform m-subset, so (q·E_B + E_m)/(q + 1).
    /// </summary>
    public static BatchAverage PerStep(int n, int b, BatchSampling sampling, Term term, long maxEnumerated, long samples, Random random)
    {
        if (sampling == BatchSampling.WithReplacement)
            return Of(n, b, true, term, maxEnumerated, samples, random);
        var full = Of(n, b, false, term, maxEnumerated, samples, random);
        var leftover = n % b;
        if (sampling != BatchSampling.Reshuffling || leftover == 0 || double.IsNegativeInfinity(full.Value))
            return full;
        var last = Of(n, leftover, false, term, maxEnumerated, samples, random);
        if (double.IsNegativeInfinity(last.Value))
            return last with { BatchesSampled = full.BatchesSampled + last.BatchesSampled };
        var q = n / b;
        return new BatchAverage(
            (q * full.Value + last.Value) / (q + 1),
            Math.Sqrt(q * q * full.StandardError * full.StandardError + last.StandardError * last.StandardError) / (q + 1),
            full.BatchesSampled + last.BatchesSampled,
            full.Exact && last.Exact);
    }

    private static BatchAverage Subsets(int n, int b, Term term)
    {
        var index = new int[b];
        for (var j = 0; j < b; j++)
            index[j] = j;
        var total = new NeumaierSum();
        long batches = 0;
        while (true)
        {
            var t = term(index);
            if (double.IsNegativeInfinity(t))
                return new BatchAverage(double.NegativeInfinity, 0.0, 0, true);
            total.Add(t);
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

    private static BatchAverage Multisets(int n, int b, Term term)
    {
        var logFactorial = new double[b + 1];
        for (var m = 2; m <= b; m++)
            logFactorial[m] = logFactorial[m - 1] + Math.Log(m);
        var logTuples = b * Math.Log(n);
        var index = new int[b];
        var weighted = new NeumaierSum();
        var weights = new NeumaierSum();
        while (true)
        {
            var t = term(index);
            if (double.IsNegativeInfinity(t))
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
            weighted.Add(weight * t);
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

    private static BatchAverage Sample(BatchSampler sampler, Term term, long samples)
    {
        var batch = new int[sampler.BatchSize];
        var mean = 0.0;
        var squares = 0.0;
        for (long s = 1; s <= samples; s++)
        {
            var size = sampler.Next(batch);
            var t = term(batch.AsSpan(0, size));
            // A singular batch drawn once has positive probability, so the expectation is −∞ exactly.
            if (double.IsNegativeInfinity(t))
                return new BatchAverage(double.NegativeInfinity, 0.0, s, true);
            // Welford's update.
            var delta = t - mean;
            mean += delta / s;
            squares += delta * (t - mean);
        }
        var standardError = samples > 1 ? Math.Sqrt(squares / (samples - 1) / samples) : double.NaN;
        return new BatchAverage(mean, standardError, samples, false);
    }
}
