using System.Globalization;
using SgdDsl.Linearizing;

namespace SgdDsl.Exponents;

/// <summary>
/// λ by the fastest correct path: r = 0 (−∞); a single possible batch (λ = μ); r = 1 or commuting restricted Hessians
/// (exact averages over batches, sampled when there are too many); certified by bounds that exclude 0; otherwise the
/// self-extending Monte Carlo estimate. The bounds are computed on every path.
/// </summary>
internal static class SgdExponent
{
    public sealed record Result(
        double Value, double StandardError, LambdaMethod Method, long Steps, int Chains,
        double[] ChainValues, IReadOnlyList<LambdaHistoryPoint> History, LambdaBounds Bounds,
        LyapunovExponentEstimate[] Spectrum, bool Commuting);

    public static Result Compute(RestrictedHessians hessians, double[] meanSpectrum, StabilityOptions options, List<string> notes)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        var b = options.BatchSize;
        var eta = options.LearningRate;
        var k = Math.Min(options.SpectrumSize, r);
        if (r == 0)
        {
            notes.Add("r = 0: every per-sample Hessian vanishes at x*, so N = {0}: μ = λ = −∞ by the empty-maximum convention and both verdicts are Stable. The loss is flat to second order in every direction; higher-order terms decide the actual dynamics.");
            return new Result(double.NegativeInfinity, 0.0, LambdaMethod.Exact, 0, 0, [], [], new LambdaBounds(double.NegativeInfinity, double.NegativeInfinity, 0.0), [], false);
        }
        var bounds = ExponentBounds.Compute(hessians, options);
        if (bounds.LowerStandardError > 0.0)
            notes.Add($"E log|det A_ξ| has too many batches to enumerate: the lower bound {F(bounds.Lower)} is a Monte Carlo mean ± {F(bounds.LowerStandardError)} and certifies nothing.");

        if (n == 1 || (b == n && options.Sampling != BatchSampling.WithReplacement))
        {
            notes.Add("Every step uses the same batch, so SGD is GD and λ = μ exactly.");
            var exponents = meanSpectrum.Select(h => Math.Log(Math.Abs(1.0 - eta * h))).OrderDescending().Take(k)
                .Select(x => new LyapunovExponentEstimate(x, 0.0)).ToArray();
            var mu = GdExponent.Mu(meanSpectrum, eta);
            return new Result(mu, 0.0, LambdaMethod.Exact, 0, 0, [], [], bounds, exponents, false);
        }

        if (options.AlwaysEstimate)
            return EstimatePath(hessians, bounds, options, k, notes);
        var joint = r == 1 ? [Enumerable.Range(0, n).Select(hessians.Scalar).ToArray()] : CommutingFamily.JointCurvatures(hessians);
        if (joint is not null)
            return Commuting(joint, bounds, options, k, notes);

        if (bounds.ExcludesZero(options.ExponentTolerance))
        {
            var stable = bounds.Upper < -options.ExponentTolerance;
            notes.Add(stable
                ? $"SGD stability is certified: λ ≤ ½ log ρ(E[A⊗A]) = {F(bounds.Upper)} < 0, with no Monte Carlo error."
                : $"SGD instability is certified: λ ≥ (1/r) E log|det A_ξ| = {F(bounds.Lower)} > 0, with no Monte Carlo error.");
            LyapunovExponentEstimate[] spectrum = [];
            long steps = 0;
            if (k > 1)
            {
                var spectral = Estimate(hessians, options, k);
                spectrum = spectral.Spectrum;
                steps = spectral.MeasuredSteps;
            }
            return new Result(stable ? bounds.Upper : bounds.Lower, 0.0, LambdaMethod.Certified, steps, 0, [], [], bounds, spectrum, false);
        }

        return EstimatePath(hessians, bounds, options, k, notes);
    }

    private static Result EstimatePath(RestrictedHessians hessians, LambdaBounds bounds, StabilityOptions options, int k, List<string> notes)
    {
        var r = hessians.Dimension;
        var estimate = Estimate(hessians, options, Math.Max(1, k));
        if (double.IsNegativeInfinity(estimate.Value))
            notes.Add("A product of batch maps annihilated a random vector of N, so it is the zero map on N: λ = −∞.");
        if (estimate.Extended)
            notes.Add($"The estimate extended itself to {estimate.MeasuredSteps} steps to decide the verdict (budget {options.MaxSteps}).");
        if (k == r && double.IsFinite(estimate.Sum.Exponent) && double.IsFinite(bounds.Lower))
        {
            var expected = r * bounds.Lower;
            var tolerance = options.ConfidenceMultiplier * Math.Sqrt(Sq(estimate.Sum.StandardError) + Sq(r * bounds.LowerStandardError)) + 1e-9;
            notes.Add(Math.Abs(estimate.Sum.Exponent - expected) <= tolerance
                ? $"The spectrum sums to {F(estimate.Sum.Exponent)} ± {F(estimate.Sum.StandardError)}, consistent with E log|det A_ξ| = {F(expected)}."
                : $"The spectrum sums to {F(estimate.Sum.Exponent)} ± {F(estimate.Sum.StandardError)} but E log|det A_ξ| = {F(expected)}: the estimate has not converged; raise Steps.");
        }
        return new Result(
            estimate.Value, estimate.StandardError, LambdaMethod.Estimate, estimate.MeasuredSteps, options.Chains,
            estimate.ChainValues, estimate.History, bounds, estimate.Spectrum, false);
    }

    /// <summary>
    /// Commuting K_i with eigenvalues h_i^(j) on common eigenvectors: the products are diagonal, so the exponents are
    /// E_ξ log|1 − η h_ξ^(j)| and λ is their maximum. With r = 1 this is the one-dimensional closed form.
    /// </summary>
    private static Result Commuting(double[][] joint, LambdaBounds bounds, StabilityOptions options, int k, List<string> notes)
    {
        var samples = (long)options.Steps * options.Chains;
        var averages = joint
            .Select(h => OneDimensionalLambda.Compute(h, options.LearningRate, options.BatchSize, options.Sampling, options.MaxEnumeratedBatches, samples, options.Seed))
            .OrderByDescending(a => a.Value)
            .ToArray();
        var top = averages[0];
        if (!top.Exact)
            notes.Add($"There are more than {options.MaxEnumeratedBatches} batches: each E log|1 − η h_ξ^(j)| was averaged over {top.BatchesSampled} random batches.");
        var spectrum = averages.Take(k).Select(a => new LyapunovExponentEstimate(a.Value, a.StandardError)).ToArray();
        return new Result(
            top.Value, top.StandardError, top.Exact ? LambdaMethod.Exact : LambdaMethod.Estimate,
            averages.Sum(a => a.BatchesSampled), 0, [], [], bounds, spectrum, joint.Length > 1);
    }

    private static LyapunovEstimate Estimate(RestrictedHessians hessians, StabilityOptions options, int k) =>
        LyapunovEstimator.Estimate(hessians, new LyapunovEstimator.Settings(
            options.LearningRate, options.BatchSize, options.Sampling, options.Seed, options.Chains, options.Transient,
            options.Steps, options.BlocksPerChain, options.MaxDegreeOfParallelism, k,
            Math.Max(options.MaxSteps, (long)options.Steps * options.Chains), options.ConfidenceMultiplier, options.ExponentTolerance));

    private static double Sq(double x) => x * x;

    private static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
