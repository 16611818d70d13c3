namespace SgdDsl.Exponents;

/// <summary>
/// E_ξ log|1 − η k_ξ| for scalar curvatures k_i, k_ξ the mean of k_i over a batch ξ of b samples: the
/// <see cref="BatchExpectation"/> of that term, with a numerically singular batch map counted as −∞.
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

    /// <summary>The per-step average under <paramref name="sampling"/> (see <see cref="BatchExpectation.PerStep"/>).</summary>
    public static BatchAverage PerStep(double[] k, int b, BatchSampling sampling, double eta, long maxEnumerated, long samples, Random random)
        => BatchExpectation.PerStep(k.Length, b, sampling, Term(k, eta), maxEnumerated, samples, random);

    /// <summary>log|1 − η k_ξ|, or −∞ when the batch map is singular (to <see cref="SingularTolerance"/>).</summary>
    private static BatchExpectation.Term Term(double[] k, double eta) => batch =>
    {
        var sum = 0.0;
        foreach (var i in batch)
            sum += k[i];
        var mean = sum / batch.Length;
        var factor = 1.0 - eta * mean;
        return IsSingular(factor, eta * Math.Abs(mean)) ? double.NegativeInfinity : Math.Log(Math.Abs(factor));
    };
}
