using SgdDsl.Linearization;

namespace SgdDsl.Exponents;

/// <summary>
/// λ by the cheapest sound route: r = 0 (−∞); a single possible batch (λ = μ); r = 1 (exact average over batches,
/// sampled when there are too many); otherwise the Monte Carlo estimate of the product of random matrices.
/// </summary>
internal static class SgdExponent
{
    public readonly record struct Result(
        double Value, double StandardError, LambdaMethod Method, long Steps, int Chains,
        double[] ChainValues, IReadOnlyList<LambdaHistoryPoint> History);

    public static Result Compute(RestrictedHessians hessians, StabilityOptions options, List<string> notes)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        var b = options.BatchSize;
        if (r == 0)
        {
            notes.Add("r = 0: every per-sample Hessian vanishes at x*, so N = {0}: μ = λ = −∞ by the empty-maximum convention and both verdicts are Stable. The loss is flat to second order in every direction; higher-order terms decide the actual dynamics.");
            return new Result(double.NegativeInfinity, 0.0, LambdaMethod.Exact, 0, 0, [], []);
        }
        if (n == 1 || (b == n && options.Sampling != BatchSampling.WithReplacement))
        {
            notes.Add("Every step uses the same batch, so SGD is GD and λ = μ exactly.");
            var mu = GdExponent.Mu(GdExponent.Spectrum(hessians.Mean, r), options.LearningRate);
            return new Result(mu, 0.0, LambdaMethod.Exact, 0, 0, [], []);
        }
        if (r == 1)
        {
            var k = new double[n];
            for (var i = 0; i < n; i++)
                k[i] = hessians.Scalar(i);
            var samples = (long)options.Steps * options.Chains;
            var average = OneDimensionalLambda.Compute(k, options.LearningRate, b, options.Sampling, options.MaxEnumeratedBatches, samples, options.Seed);
            if (!average.Exact)
                notes.Add($"r = 1 but there are more than {options.MaxEnumeratedBatches} batches: λ = E log|1 − η k_ξ| was averaged over {average.BatchesSampled} random batches.");
            return new Result(
                average.Value, average.StandardError, average.Exact ? LambdaMethod.Exact : LambdaMethod.Estimate,
                average.BatchesSampled, 0, [], []);
        }

        var estimate = LyapunovEstimator.Estimate(hessians, new LyapunovEstimator.Settings(
            options.LearningRate, b, options.Sampling, options.Seed, options.Chains, options.Transient,
            options.Steps, options.BlocksPerChain, options.MaxDegreeOfParallelism));
        if (double.IsNegativeInfinity(estimate.Value))
            notes.Add("A product of batch maps annihilated a random vector of N, so it is the zero map on N: λ = −∞.");
        return new Result(
            estimate.Value, estimate.StandardError, LambdaMethod.Estimate, estimate.MeasuredSteps, options.Chains,
            estimate.ChainValues, estimate.History);
    }
}
