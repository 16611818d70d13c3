namespace SgdDsl.Exponents;

/// <summary>
/// λ when r = 1: every A_ξ is the scalar 1 − η k_ξ, so λ = E_ξ log|1 − η k_ξ| exactly, a finite average over batches.
/// </summary>
internal static class OneDimensionalLambda
{
    /// <summary>
    /// For reshuffling the scalar maps commute, so an epoch's log-growth is the sum over its batches; each of the
    /// q = ⌊N/B⌋ full batches of a uniform permutation is marginally a uniform B-subset and the leftover batch
    /// (if m = N mod B &gt; 0) a uniform m-subset, so λ = (q·E_B + E_m)/(q + 1) (just E_B when B divides N: the
    /// without-replacement value).
    /// </summary>
    public static BatchAverage Compute(double[] k, double eta, int batchSize, BatchSampling sampling, long maxEnumerated, long samples, int seed)
    {
        if (!Enum.IsDefined(sampling))
            throw new ArgumentOutOfRangeException(nameof(sampling), sampling, "Unknown batch sampling.");
        var random = new Random(SeedStreams.Derive(seed, SeedStreams.BatchAverages, 0));
        return ScalarBatchAverage.PerStep(k, batchSize, sampling, eta, maxEnumerated, samples, random);
    }
}
