using SgdDsl.Linearizing;

namespace SgdDsl.Exponents;

/// <summary>
/// The bounds (1/r) E log|det A_ξ| ≤ λ ≤ ½ log ρ(E[A⊗A]). The determinant average is enumerated over every batch
/// when affordable (no Monte Carlo error), otherwise sampled with a standard error; the mean-square bound never
/// enumerates batches (see <see cref="MeanSquareExponent"/>, whose cost cap is its own).
/// Cost cap of the determinant average: at most <see cref="DeterminantWork"/> multiply-adds, counted as m²·r + m³ per
/// batch (m = Σ rank in the batch), with at least 1,000 batches: about 10 ms. The batches are enumerated when they all
/// fit (and number at most <see cref="LambdaSettings.MaxEnumeratedBatches"/>), otherwise that many are sampled and the
/// bound carries a standard error. At B = 4, r = 64 this is 18,000 sampled batches (SE ≈ 2e-4 on TwoLayerTanh).
/// </summary>
internal static class ExponentBounds
{
    /// <summary>Multiply-adds the determinant average may spend (about 10 ms).</summary>
    public const double DeterminantWork = 2e7;

    public static LambdaBounds Compute(RestrictedHessians hessians, LambdaSettings options)
    {
        var r = hessians.Dimension;
        if (r == 0)
            return new LambdaBounds(double.NegativeInfinity, double.NegativeInfinity, 0.0);
        var n = hessians.Count;
        var b = options.BatchSize;
        var maxRank = Enumerable.Range(0, n).Max(hessians.Rank);
        var m = (double)Math.Max(1, b * maxRank);
        var perBatch = m * m * r + m * m * m;
        var affordable = (long)Math.Max(1000.0, DeterminantWork / perBatch);
        var determinant = new BatchDeterminant(hessians, options.LearningRate);
        var random = new Random(SeedStreams.Derive(options.Seed, SeedStreams.DeterminantAverages, 0));
        var average = BatchExpectation.PerStep(
            n, b, options.Sampling, batch => determinant.LogAbs(batch),
            Math.Min(options.MaxEnumeratedBatches, affordable), Math.Min((long)options.Steps * options.Chains, affordable), random);
        var upper = MeanSquareExponent.Compute(hessians, options.LearningRate, b, options.Sampling) ?? double.PositiveInfinity;
        return new LambdaBounds(average.Value / r, upper, average.Exact ? 0.0 : average.StandardError / r);
    }
}
