using SgdDsl.Linearizing;
using static SgdDsl.StabilityFinding;

namespace SgdDsl.Exponents;

/// <summary>
/// λ by the fastest correct path: r = 0 (−∞); a single possible batch (λ = μ); r = 1 or commuting restricted Hessians
/// (exact averages over batches, sampled when there are too many); otherwise the Monte Carlo estimate, whose verdict
/// the bounds certify when they exclude 0 (the estimate then only has to reach its precision target). The bounds are
/// computed on every path; λ is never one of them.
/// </summary>
internal static class SgdExponent
{
    public static LambdaResult Compute(RestrictedHessians hessians, double[] meanSpectrum, LambdaSettings s)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        var k = Math.Min(s.SpectrumSize, r);
        var findings = new List<StabilityFinding>();
        if (r == 0)
        {
            findings.Add(new NoNormalDirection());
            var none = new LambdaBounds(double.NegativeInfinity, double.NegativeInfinity, 0.0);
            return new LambdaResult(double.NegativeInfinity, 0.0, LambdaMethod.Exact, Verdict.Stable, null, none, 0, 0, [], [], [], false, findings);
        }
        if (s.Sampling == BatchSampling.Reshuffling && n % s.BatchSize != 0)
            findings.Add(new ReshufflingLeftover(n % s.BatchSize, (n + s.BatchSize - 1) / s.BatchSize));
        var bounds = ExponentBounds.Compute(hessians, s);
        if (bounds.LowerStandardError > 0.0)
            findings.Add(new DeterminantBoundSampled(bounds.Lower, bounds.LowerStandardError));
        if (double.IsPositiveInfinity(bounds.Upper))
            findings.Add(new MeanSquareBoundSkipped(s.Sampling == BatchSampling.Reshuffling, r));

        if (n == 1 || (s.BatchSize == n && s.Sampling != BatchSampling.WithReplacement))
        {
            findings.Add(new SingleBatch());
            var exponents = meanSpectrum.Select(h => Math.Log(Math.Abs(1.0 - s.LearningRate * h))).OrderDescending().Take(k)
                .Select(x => new LyapunovExponentEstimate(x, 0.0)).ToArray();
            var mu = GdExponent.Mu(meanSpectrum, s.LearningRate);
            return new LambdaResult(mu, 0.0, LambdaMethod.Exact, s.VerdictOf(mu, 0.0), null, bounds, 0, 0, [], [], exponents, false, findings);
        }

        if (!s.AlwaysEstimate)
        {
            var joint = r == 1 ? [Enumerable.Range(0, n).Select(hessians.Scalar).ToArray()] : CommutingFamily.JointCurvatures(hessians);
            if (joint is not null)
                return Commuting(joint, bounds, s, k, findings);
        }

        CertifyingBound? certifiedBy = s.AlwaysEstimate || !bounds.ExcludesZero(s.ExponentTolerance) ? null
            : bounds.Upper < -s.ExponentTolerance ? CertifyingBound.Upper : CertifyingBound.Lower;
        if (certifiedBy is { } by)
            findings.Add(new SignCertified(by, by == CertifyingBound.Upper ? bounds.Upper : bounds.Lower));
        var estimate = LyapunovEstimator.Estimate(hessians, s, Math.Max(1, k),
            s.AlwaysEstimate ? LyapunovEstimator.StopRule.VerdictDecided
            : certifiedBy is null ? LyapunovEstimator.StopRule.PrecisionAndVerdict : LyapunovEstimator.StopRule.PrecisionReached);
        AddEstimateFindings(estimate, bounds, s, k, r, findings);
        var verdict = certifiedBy switch
        {
            CertifyingBound.Upper => Verdict.Stable,
            CertifyingBound.Lower => Verdict.Unstable,
            _ => s.VerdictOf(estimate.Value, estimate.StandardError),
        };
        return new LambdaResult(
            estimate.Value, estimate.StandardError, certifiedBy is null ? LambdaMethod.Estimate : LambdaMethod.Certified, verdict, certifiedBy,
            bounds, estimate.MeasuredSteps, s.Chains, estimate.ChainValues, estimate.History, estimate.Spectrum, false, findings);
    }

    private static void AddEstimateFindings(LyapunovEstimate estimate, LambdaBounds bounds, LambdaSettings s, int k, int r, List<StabilityFinding> findings)
    {
        if (double.IsNegativeInfinity(estimate.Value))
            findings.Add(new ProductAnnihilated());
        if (estimate.Extended)
            findings.Add(new EstimateExtended(estimate.MeasuredSteps, s.MaxSteps));
        if (estimate.TargetMissed)
            findings.Add(new StandardErrorTargetMissed(estimate.StandardError, LyapunovEstimator.TargetFor(s, estimate.Value), estimate.MeasuredSteps, s.MaxSteps));
        if (k == r && double.IsFinite(estimate.Sum.Exponent) && double.IsFinite(bounds.Lower))
        {
            var expected = r * bounds.Lower;
            var tolerance = s.ConfidenceMultiplier * Math.Sqrt(Sq(estimate.Sum.StandardError) + Sq(r * bounds.LowerStandardError)) + 1e-9;
            findings.Add(new SpectrumSum(estimate.Sum.Exponent, estimate.Sum.StandardError, expected, Math.Abs(estimate.Sum.Exponent - expected) <= tolerance));
        }
    }

    /// <summary>
    /// Commuting K_i with eigenvalues h_i^(j) on common eigenvectors: the products are diagonal, so the exponents are
    /// E_ξ log|1 − η h_ξ^(j)| and λ is their maximum. With r = 1 this is the one-dimensional closed form.
    /// </summary>
    private static LambdaResult Commuting(double[][] joint, LambdaBounds bounds, LambdaSettings s, int k, List<StabilityFinding> findings)
    {
        var samples = (long)s.Steps * s.Chains;
        var averages = joint
            .Select(h => OneDimensionalLambda.Compute(h, s.LearningRate, s.BatchSize, s.Sampling, s.MaxEnumeratedBatches, samples, s.Seed))
            .OrderByDescending(a => a.Value)
            .ToArray();
        var top = averages[0];
        if (!top.Exact)
            findings.Add(new BatchesSampled(s.MaxEnumeratedBatches, top.BatchesSampled));
        var spectrum = averages.Take(k).Select(a => new LyapunovExponentEstimate(a.Value, a.StandardError)).ToArray();
        return new LambdaResult(
            top.Value, top.StandardError, top.Exact ? LambdaMethod.Exact : LambdaMethod.Estimate, s.VerdictOf(top.Value, top.StandardError), null,
            bounds, averages.Sum(a => a.BatchesSampled), 0, [], [], spectrum, joint.Length > 1, findings);
    }

    private static double Sq(double x) => x * x;
}
