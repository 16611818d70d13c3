using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// Every path λ can take (exact, certified, estimate) against THEORY.md's closed forms under every sampling scheme,
/// the bounds (1/r) E log|det A_ξ| ≤ λ ≤ ½ log ρ(E[A⊗A]) around every value, and a non-commuting two-dimensional case
/// against a brute-force product of 2×2 matrices written here. Estimates must lie within 3 combined standard errors
/// (plus 1e-9 of slack); budgets are small so the file runs in about a second.
/// </summary>
public class PathTests
{
    private static readonly double[] H = [0.5, 1.2, 3.0];
    private static readonly StabilityOptions Estimate = new()
    {
        LearningRate = 1.0, Steps = 40_000, Transient = 500, Chains = 4, BlocksPerChain = 10, AlwaysEstimate = true, MaxSteps = 0,
    };

    public static TheoryData<BatchSampling, int> Schemes => new()
    {
        { BatchSampling.WithoutReplacement, 1 }, { BatchSampling.WithoutReplacement, 2 },
        { BatchSampling.WithReplacement, 1 }, { BatchSampling.WithReplacement, 2 },
        { BatchSampling.Reshuffling, 1 }, { BatchSampling.Reshuffling, 2 },
    };

    private static double OneDimensionalClosedForm(BatchSampling sampling, int b) => sampling switch
    {
        BatchSampling.WithoutReplacement => ClosedForms.LambdaWithoutReplacement(H, b, 1.0),
        BatchSampling.WithReplacement => ClosedForms.LambdaWithReplacement(H, b, 1.0),
        _ => ClosedForms.LambdaReshuffling(H, b, 1.0),
    };

    private static void AssertBracketed(StabilityReport report, double lambda, double slack)
    {
        Assert.True(report.LambdaBounds.Lower <= lambda + slack, $"lower {report.LambdaBounds.Lower} > λ {lambda}");
        Assert.True(lambda <= report.LambdaBounds.Upper + slack, $"λ {lambda} > upper {report.LambdaBounds.Upper}");
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void One_dimensional_closed_form_through_the_exact_and_the_estimate_path(BatchSampling sampling, int b)
    {
        var expected = OneDimensionalClosedForm(sampling, b);
        var exact = Stability.Analyze(new ScalarLinearModel(), ScalarLinearModel.WithCurvatures(H), [0.0], Estimate with { Sampling = sampling, BatchSize = b, AlwaysEstimate = false });
        Assert.Equal(LambdaMethod.Exact, exact.LambdaMethod);
        Assert.Equal(expected, exact.Lambda, 1e-12);
        // r = 1: the determinant bound is λ itself.
        Assert.Equal(expected, exact.LambdaBounds.Lower, 1e-12);
        AssertBracketed(exact, expected, 1e-12);

        var estimate = Stability.Analyze(new ScalarLinearModel(), ScalarLinearModel.WithCurvatures(H), [0.0], Estimate with { Sampling = sampling, BatchSize = b });
        Assert.Equal(LambdaMethod.Estimate, estimate.LambdaMethod);
        Assert.True(Math.Abs(estimate.Lambda - expected) <= 3 * estimate.LambdaStandardError + 1e-9, $"{estimate.Lambda} ± {estimate.LambdaStandardError} vs {expected}");
        AssertBracketed(estimate, estimate.Lambda, 3 * estimate.LambdaStandardError);
    }

    [Theory]
    [InlineData(BatchSampling.WithoutReplacement)]
    [InlineData(BatchSampling.WithReplacement)]
    [InlineData(BatchSampling.Reshuffling)]
    public void Commuting_hessians_are_exact_as_the_worst_direction(BatchSampling sampling)
    {
        // H_1 = diag(3.5, 0), H_2 = diag(0, 0.5), η = 1, B = 1: directions give ½ log 2.5 and ½ log 0.5 per step under
        // every scheme (reshuffling uses each sample once per epoch; B = 1 with replacement is the same as without).
        var data = TwoFeatureLinearModel.WithFeatures((Math.Sqrt(3.5), 0.0), (0.0, Math.Sqrt(0.5)));
        var report = Stability.Analyze(new TwoFeatureLinearModel(), data, [0.0, 0.0], Estimate with { Sampling = sampling, AlwaysEstimate = false, SpectrumSize = 2 });
        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
        Assert.Equal(0.5 * Math.Log(2.5), report.Lambda, 1e-12);
        Assert.Equal([0.5 * Math.Log(2.5), 0.5 * Math.Log(0.5)], report.Spectrum.Select(e => e.Exponent), (a, c) => Math.Abs(a - c) < 1e-12);
        Assert.Equal(Verdict.Unstable, report.SgdVerdict);
        Assert.Contains(report.Caveats, c => c.Contains("commute"));
        Assert.Contains(report.Caveats, c => c.Contains("presumes regularity"));
        AssertBracketed(report, report.Lambda, 1e-12);
    }

    [Fact]
    public void Two_sample_case_is_sgd_unstable_exactly_and_its_lower_bound_certifies_it()
    {
        // THEORY.md: curvatures (0.2, 3.8), η = 0.7, B = 1: λ = ½(log 0.86 + log 1.66) = 0.17800, μ = log 0.4.
        var report = Stability.Analyze(new ScalarLinearModel(), ScalarLinearModel.WithCurvatures([0.2, 3.8]), [0.0], new StabilityOptions { LearningRate = 0.7 });
        Assert.Equal(0.17800, report.Lambda, 5e-6);
        Assert.Equal(Math.Log(0.4), report.Mu, 1e-12);
        Assert.True(report.LambdaBounds.Lower > 0);
        Assert.Equal(Verdict.Unstable, report.SgdVerdict);
    }

    [Theory]
    [InlineData(Math.PI / 3)]
    [InlineData(Math.PI / 6)]
    public void Unit_vectors_are_certified_stable_yet_lambda_is_the_estimate_not_the_bound(double phi)
    {
        var data = TwoFeatureLinearModel.WithFeatures((1.0, 0.0), (Math.Cos(phi), Math.Sin(phi)));
        var report = Stability.Analyze(new TwoFeatureLinearModel(), data, [0.0, 0.0], Estimate with { AlwaysEstimate = false });
        Assert.Equal(LambdaMethod.Certified, report.LambdaMethod);
        Assert.Equal(CertifyingBound.Upper, report.CertifiedBy);
        Assert.Equal(0.5 * Math.Log((1 + Math.Cos(phi) * Math.Cos(phi)) / 2), report.LambdaBounds.Upper, 1e-12);
        Assert.Equal(double.NegativeInfinity, report.LambdaBounds.Lower);
        // λ = ½ log|cos φ| exactly (THEORY.md), well below the bound: the report carries the estimate, within 4 SE.
        var exact = 0.5 * Math.Log(Math.Abs(Math.Cos(phi)));
        Assert.NotEqual(report.LambdaBounds.Upper, report.Lambda);
        Assert.True(report.LambdaStandardError > 0, "a certified λ is an estimate and carries its standard error");
        Assert.True(Math.Abs(report.Lambda - exact) <= 4 * report.LambdaStandardError + 1e-9, $"λ̂ = {report.Lambda} ± {report.LambdaStandardError}, exact {exact}");
        // The run starts at Steps/8 per chain and doubles until SE ≤ 1e-3 · max(1, |λ̂|), the documented target: the
        // target holds at the end and failed at the previous check, half as many blocks ago.
        static double Target(double lambda) => 1e-3 * Math.Max(1, Math.Abs(lambda));
        Assert.True(report.LambdaStandardError <= Target(report.Lambda));
        if (report.History.Count > 10)
        {
            var previous = report.History[report.History.Count / 2 - 1];
            Assert.True(previous.StandardError > Target(previous.Lambda), $"the run could have stopped at {previous.StepsPerChain} steps per chain");
        }
        else
            Assert.Equal(4L * 40_000 / 8, report.Steps);
        AssertBracketed(report, report.Lambda, 0.0);
        Assert.Equal(Verdict.Stable, report.SgdVerdict);
        Assert.Contains(report.Findings, f => f is StabilityFinding.SignCertified { Bound: CertifyingBound.Upper });
        Assert.Contains(report.Findings, f => f is StabilityFinding.SingularBatchMap);
        Assert.Contains(report.Caveats, c => c.Contains("singular"));
    }

    // Non-commuting, invertible maps in 2-D: three features, η = 0.8.
    private static readonly (double, double)[] Features = [(1.2, 0.0), (0.5, 0.9), (-0.7, 0.6)];

    [Theory]
    [InlineData(BatchSampling.WithoutReplacement, 1)]
    [InlineData(BatchSampling.WithoutReplacement, 2)]
    [InlineData(BatchSampling.WithReplacement, 2)]
    public void Non_commuting_case_agrees_with_a_brute_force_product_and_sits_inside_the_bounds(BatchSampling sampling, int b)
    {
        var eta = 0.8;
        var report = Stability.Analyze(new TwoFeatureLinearModel(), TwoFeatureLinearModel.WithFeatures(Features), [0.0, 0.0],
            Estimate with { LearningRate = eta, BatchSize = b, Sampling = sampling, SpectrumSize = 2 });
        var (brute, bruteSe) = BruteForce(eta, b, sampling == BatchSampling.WithReplacement, steps: 200_000, seed: 12345);
        var combined = Math.Sqrt(report.LambdaStandardError * report.LambdaStandardError + bruteSe * bruteSe);
        Assert.True(Math.Abs(report.Lambda - brute) <= 3 * combined, $"engine {report.Lambda} ± {report.LambdaStandardError}, brute force {brute} ± {bruteSe}");
        AssertBracketed(report, report.Lambda, 3 * report.LambdaStandardError);
        Assert.Empty(report.Caveats);

        // The exponents sum to E log|det A_ξ| = r · lower bound, enumerated here over the batches by hand.
        var expectedSum = BruteForceLogDet(eta, b, sampling == BatchSampling.WithReplacement);
        Assert.Equal(expectedSum / 2, report.LambdaBounds.Lower, 1e-12);
        var sum = report.Spectrum[0].Exponent + report.Spectrum[1].Exponent;
        Assert.True(Math.Abs(sum - expectedSum) <= 3 * (report.Spectrum[0].StandardError + report.Spectrum[1].StandardError) + 1e-9, $"sum {sum} vs {expectedSum}");
    }

    [Fact]
    public void Undecided_estimate_extends_itself_until_the_budget_or_the_verdict()
    {
        // 2 chains × 2 blocks × 10 steps = 40 decide the sign here, so the run does not extend …
        var tiny = Estimate with { LearningRate = 0.8, Steps = 20, Transient = 0, Chains = 2, BlocksPerChain = 2, MaxSteps = 100_000 };
        var decided = Stability.Analyze(new TwoFeatureLinearModel(), TwoFeatureLinearModel.WithFeatures(Features), [0.0, 0.0], tiny);
        Assert.Equal(40, decided.Steps);
        Assert.NotEqual(Verdict.Inconclusive, decided.SgdVerdict);
        // … but with a tolerance no estimate can clear it doubles while the budget allows: 40·2¹¹ = 81 920 ≤ 100 000.
        var undecided = Stability.Analyze(new TwoFeatureLinearModel(), TwoFeatureLinearModel.WithFeatures(Features), [0.0, 0.0], tiny with { ExponentTolerance = 10 });
        Assert.Equal(81_920, undecided.Steps);
        Assert.Contains(undecided.Notes, n => n.Contains("extended itself"));
        Assert.Equal(81_920 / 2 / 10, undecided.History.Count);
        Assert.Equal(Verdict.Inconclusive, undecided.SgdVerdict);
    }

    /// <summary>λ̂ ± SE from one renormalized chain of 2×2 products, batch means over 20 blocks; no engine code.</summary>
    private static (double Mean, double Se) BruteForce(double eta, int b, bool withReplacement, int steps, int seed)
    {
        var random = new Random(seed);
        double v0 = 1, v1 = 0.3;
        const int blocks = 20;
        var means = new double[blocks];
        for (var t = 0; t < 1000 + steps; t++)
        {
            var batch = DrawBatch(random, b, withReplacement);
            var (a00, a01, a11) = Map(eta, batch);
            var w0 = a00 * v0 + a01 * v1;
            var w1 = a01 * v0 + a11 * v1;
            var norm = Math.Sqrt(w0 * w0 + w1 * w1);
            (v0, v1) = (w0 / norm, w1 / norm);
            if (t >= 1000)
                means[(t - 1000) * blocks / steps] += Math.Log(norm) / (steps / blocks);
        }
        var mean = means.Average();
        var se = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (blocks - 1) / blocks);
        return (mean, se);
    }

    private static double BruteForceLogDet(double eta, int b, bool withReplacement)
    {
        var batches = withReplacement ? ClosedForms.Tuples(3, b) : ClosedForms.Subsets(3, b);
        return batches.Average(batch =>
        {
            var (a00, a01, a11) = Map(eta, batch);
            return Math.Log(Math.Abs(a00 * a11 - a01 * a01));
        });
    }

    private static int[] DrawBatch(Random random, int b, bool withReplacement)
    {
        if (withReplacement)
            return Enumerable.Range(0, b).Select(_ => random.Next(3)).ToArray();
        return Enumerable.Range(0, 3).OrderBy(_ => random.NextDouble()).Take(b).ToArray();
    }

    private static (double A00, double A01, double A11) Map(double eta, int[] batch)
    {
        double h00 = 0, h01 = 0, h11 = 0;
        foreach (var i in batch)
        {
            var (x, y) = Features[i];
            h00 += x * x / batch.Length;
            h01 += x * y / batch.Length;
            h11 += y * y / batch.Length;
        }
        return (1 - eta * h00, -eta * h01, 1 - eta * h11);
    }
}
