using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// THEORY.md "Closed forms to test against", one-dimensional cases. r = 1, so λ is an exact finite average.
/// Tolerances: 5e-7 against the six-decimal numbers printed in THEORY.md (half a unit of the last printed digit);
/// 1e-12 against <see cref="ClosedForms"/> evaluated here, since both sides sum a handful of logarithms of O(1)
/// numbers in double precision and k_i = (√h_i)² is off by at most 2 ulps, so they agree to ~1e-14.
/// </summary>
public class OneDimensionalExponentTests
{
    private const double Printed = 5e-7;
    private const double Exact = 1e-12;
    private static readonly double[] H = [0.5, 1.2, 3.0];

    private static StabilityReport Analyze(double[] h, double eta, int b, BatchSampling sampling = BatchSampling.WithoutReplacement) =>
        Stability.Analyze(new ScalarLinearModel(), ScalarLinearModel.WithCurvatures(h), [0.0],
            new StabilityOptions { LearningRate = eta, BatchSize = b, Sampling = sampling });

    [Fact]
    public void Mu_is_log_of_one_minus_eta_times_mean_curvature()
    {
        var report = Analyze(H, 1.0, 1);
        Assert.Equal(-0.567984, report.Mu, Printed);
        Assert.Equal(ClosedForms.Mu(H, 1.0), report.Mu, Exact);
        Assert.Equal(Verdict.Stable, report.GdVerdict);
        Assert.Equal([4.7 / 3], report.MeanHessianSpectrumOnNormalSpace, (x, y) => Math.Abs(x - y) <= 1e-14);
    }

    [Fact]
    public void Batch_of_one_is_stable_although_mean_square_unstable()
    {
        var report = Analyze(H, 1.0, 1);
        Assert.Equal(-0.536479, report.Lambda, Printed);
        Assert.Equal(ClosedForms.LambdaWithoutReplacement(H, 1, 1.0), report.Lambda, Exact);
        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
        Assert.Equal(0.0, report.LambdaStandardError);
        Assert.Equal(0, report.Steps);
        Assert.Equal(Verdict.Stable, report.SgdVerdict);
        // E(1 − ηh)² = 1.43 > 1: the mean-square bound is positive, yet λ < 0.
        Assert.Equal(0.5 * Math.Log(1.43), report.MeanSquareExponent!.Value, Exact);
    }

    [Fact]
    public void Batch_of_two_without_replacement_averages_the_three_pairs()
    {
        var report = Analyze(H, 1.0, 2);
        Assert.Equal(-0.696497, report.Lambda, Printed);
        Assert.Equal(ClosedForms.LambdaWithoutReplacement(H, 2, 1.0), report.Lambda, Exact);
        Assert.Equal(ClosedForms.MeanSquareWithoutReplacement(H, 2, 1.0), report.MeanSquareExponent!.Value, Exact);
        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
    }

    [Fact]
    public void Batch_of_two_with_replacement_averages_the_nine_tuples()
    {
        var report = Analyze(H, 1.0, 2, BatchSampling.WithReplacement);
        Assert.Equal(-0.643158, report.Lambda, Printed);
        Assert.Equal(ClosedForms.LambdaWithReplacement(H, 2, 1.0), report.Lambda, Exact);
        Assert.Equal(ClosedForms.MeanSquareWithReplacement(H, 2, 1.0), report.MeanSquareExponent!.Value, Exact);
    }

    [Theory]
    [InlineData(BatchSampling.WithoutReplacement)]
    [InlineData(BatchSampling.Reshuffling)]
    public void Full_batch_gives_lambda_equal_to_mu(BatchSampling sampling)
    {
        var report = Analyze(H, 1.0, 3, sampling);
        Assert.Equal(report.Mu, report.Lambda, Exact);
        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
    }

    [Fact]
    public void Full_batch_with_replacement_still_varies_and_matches_tuples()
    {
        var report = Analyze(H, 1.0, 3, BatchSampling.WithReplacement);
        Assert.Equal(ClosedForms.LambdaWithReplacement(H, 3, 1.0), report.Lambda, Exact);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Reshuffling_matches_the_average_over_all_permutations(int b)
    {
        var h = new[] { 0.5, 1.2, 3.0, 0.8 };
        var report = Analyze(h, 0.9, b, BatchSampling.Reshuffling);
        Assert.Equal(ClosedForms.LambdaReshuffling(h, b, 0.9), report.Lambda, Exact);
        Assert.Null(report.MeanSquareExponent);
    }

    [Fact]
    public void Reshuffling_with_a_leftover_batch_matches_the_average_over_all_permutations()
    {
        // N = 5, B = 2: epochs of two pairs and one single sample.
        var h = new[] { 0.5, 1.2, 3.0, 0.8, 2.2 };
        var report = Analyze(h, 0.9, 2, BatchSampling.Reshuffling);
        Assert.Equal(ClosedForms.LambdaReshuffling(h, 2, 0.9), report.Lambda, Exact);
        Assert.Contains(report.Notes, n => n.Contains("leftover", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_samples_are_gd_stable_but_sgd_unstable()
    {
        var report = Analyze([0.2, 3.8], 0.7, 1);
        Assert.Equal(0.17800, report.Lambda, 5e-6);
        Assert.Equal(0.5 * (Math.Log(0.86) + Math.Log(1.66)), report.Lambda, Exact);
        Assert.Equal(-0.91629, report.Mu, 5e-6);
        Assert.Equal(Math.Log(0.4), report.Mu, Exact);
        Assert.Equal(Verdict.Stable, report.GdVerdict);
        Assert.Equal(Verdict.Unstable, report.SgdVerdict);
    }

    [Theory]
    [InlineData(new[] { 1.0, 3.0 }, 1, BatchSampling.WithoutReplacement)]
    [InlineData(new[] { 0.5, 1.5 }, 2, BatchSampling.WithReplacement)]
    public void A_batch_map_that_vanishes_makes_lambda_minus_infinity(double[] h, int b, BatchSampling sampling)
    {
        // h = 1 with η = 1 (or the mixed tuple with mean 1) gives 1 − η k_ξ = 0 with probability ≥ 1/4.
        var report = Analyze(h, 1.0, b, sampling);
        Assert.Equal(double.NegativeInfinity, report.Lambda);
        Assert.Equal(Verdict.Stable, report.SgdVerdict);
    }

    [Fact]
    public void Too_many_batches_are_sampled_with_a_standard_error_covering_the_exact_value()
    {
        var options = new StabilityOptions
        {
            LearningRate = 1.0, MaxEnumeratedBatches = 2, Steps = 10_000, Chains = 4,
        };
        var report = Stability.Analyze(new ScalarLinearModel(), ScalarLinearModel.WithCurvatures(H), [0.0], options);
        Assert.Equal(LambdaMethod.Estimate, report.LambdaMethod);
        Assert.Equal(40_000, report.Steps);
        // sd of one term is 0.946, so SE ≈ 0.0047 for 40 000 i.i.d. batches; 4 SE is a 6e-5 two-sided miss rate.
        Assert.InRange(report.LambdaStandardError, 0.003, 0.007);
        Assert.True(Math.Abs(report.Lambda - (-0.536479)) <= 4 * report.LambdaStandardError + 1e-6);
    }

    [Fact]
    public void Boundary_exponent_is_inconclusive()
    {
        // One sample with η h = 2: |1 − η h| = 1, μ = λ = 0 up to round-off.
        var report = Analyze([2.0], 1.0, 1);
        Assert.Equal(0.0, report.Mu, 1e-15);
        Assert.Equal(Verdict.Inconclusive, report.GdVerdict);
        Assert.Equal(Verdict.Inconclusive, report.SgdVerdict);
    }
}
