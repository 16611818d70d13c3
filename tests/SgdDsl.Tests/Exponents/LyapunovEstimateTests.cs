using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// r = 2, so λ comes from the renormalized product of random matrices. Each estimate must lie within 4 standard
/// errors of the closed form (a two-sided miss rate of 6e-5 for a normal estimate, ample against the ±25% uncertainty
/// of an SE from 40 block means) plus 1e-6 for floating-point slack, and the SE must be small enough (≤ 2% of |λ|)
/// that the comparison means something. Seeds are fixed, so the tests are deterministic.
/// </summary>
public class LyapunovEstimateTests
{
    private static readonly StabilityOptions Fast = new() { LearningRate = 1.0, Steps = 40_000, Transient = 1_000, Chains = 4, BlocksPerChain = 10, AlwaysEstimate = true, MaxSteps = 0 };

    private static Dataset UnitVectors(double phi) =>
        TwoFeatureLinearModel.WithFeatures((1.0, 0.0), (Math.Cos(phi), Math.Sin(phi)));

    private static void AssertCovers(double exact, StabilityReport report)
    {
        Assert.Equal(LambdaMethod.Estimate, report.LambdaMethod);
        Assert.True(report.LambdaStandardError > 0 && report.LambdaStandardError <= 0.02 * Math.Abs(exact),
            $"SE {report.LambdaStandardError} is not meaningful against λ = {exact}.");
        Assert.True(Math.Abs(report.Lambda - exact) <= 4 * report.LambdaStandardError + 1e-6,
            $"λ̂ = {report.Lambda} ± {report.LambdaStandardError}, exact {exact}.");
    }

    [Theory]
    [InlineData(Math.PI / 3)]
    [InlineData(Math.PI / 6)]
    [InlineData(2 * Math.PI / 3)]
    public void Unit_vectors_at_angle_phi_give_half_log_cos_phi(double phi)
    {
        var report = Stability.Analyze(new TwoFeatureLinearModel(), UnitVectors(phi), [0.0, 0.0], Fast);
        Assert.Equal(2, report.NormalDimension);
        Assert.Equal(0, report.TangentDimension);
        Assert.Equal(Math.Log((1 + Math.Abs(Math.Cos(phi))) / 2), report.Mu, 1e-12);
        // A_i = u_i u_iᵀ (u_i ⊥ g_i): X ↦ ½ Σ A_i X A_i acts on span{u_i u_iᵀ} as ½[[1, cos²φ], [cos²φ, 1]].
        Assert.Equal(0.5 * Math.Log((1 + Math.Cos(phi) * Math.Cos(phi)) / 2), report.MeanSquareExponent!.Value, 1e-12);
        AssertCovers(0.5 * Math.Log(Math.Abs(Math.Cos(phi))), report);
        Assert.Equal(Verdict.Stable, report.SgdVerdict);
        Assert.Equal(4L * 40_000, report.Steps);
        Assert.Equal(4, report.ChainLambdas.Length);
        Assert.Equal(10, report.LambdaHistory.Count);
        Assert.Equal(report.Lambda, report.LambdaHistory[^1].Lambda);
    }

    [Fact]
    public void Unit_vectors_under_reshuffling_switch_one_and_a_half_times_per_epoch()
    {
        // Epoch orders (1,2) or (2,1): one switch inside each epoch, one at the boundary with probability ½, and
        // each switch shrinks by |cos φ|: λ = (3/2)/2 · log|cos φ| per step.
        var phi = Math.PI / 3;
        var report = Stability.Analyze(new TwoFeatureLinearModel(), UnitVectors(phi), [0.0, 0.0],
            Fast with { Sampling = BatchSampling.Reshuffling });
        AssertCovers(0.75 * Math.Log(Math.Cos(phi)), report);
    }

    [Fact]
    public void Commuting_curvatures_take_the_worst_direction()
    {
        // H_1 = diag(3.5, 0), H_2 = diag(0, 0.5), η = 1, B = 1: λ = max(½ log 2.5, ½ log 0.5) = ½ log 2.5 > 0,
        // while the mean Hessian diag(1.75, 0.25) gives μ = log 0.75 < 0.
        var data = TwoFeatureLinearModel.WithFeatures((Math.Sqrt(3.5), 0.0), (0.0, Math.Sqrt(0.5)));
        var report = Stability.Analyze(new TwoFeatureLinearModel(), data, [0.0, 0.0], Fast);
        Assert.Equal(Math.Log(0.75), report.Mu, 1e-12);
        AssertCovers(0.5 * Math.Log(2.5), report);
        Assert.Equal(Verdict.Stable, report.GdVerdict);
        Assert.Equal(Verdict.Unstable, report.SgdVerdict);
        // E[A⊗A] is diagonal with entries E[(1 − ηh⁽ʲ⁾)(1 − ηh⁽ˡ⁾)]: the largest is ½(2.5² + 1) = 3.625.
        Assert.Equal(0.5 * Math.Log(3.625), report.MeanSquareExponent!.Value, 1e-12);
    }

    [Fact]
    public void Commuting_curvatures_under_reshuffling_grow_by_exactly_2_5_per_epoch()
    {
        // Each epoch applies both maps once: diag(−2.5, 1)·diag(1, 0.5) in either order, so every whole-epoch block
        // has the same mean ½ log 2.5 up to round-off (1e-9 covers the 1e-16 per-step errors over 10⁵ steps).
        var data = TwoFeatureLinearModel.WithFeatures((Math.Sqrt(3.5), 0.0), (0.0, Math.Sqrt(0.5)));
        var report = Stability.Analyze(new TwoFeatureLinearModel(), data, [0.0, 0.0], Fast with { Sampling = BatchSampling.Reshuffling });
        Assert.Equal(0.5 * Math.Log(2.5), report.Lambda, 1e-9);
        Assert.True(report.LambdaStandardError < 1e-9);
    }

    [Fact]
    public void Mean_square_bound_is_above_the_estimate()
    {
        var report = Stability.Analyze(new TwoFeatureLinearModel(), UnitVectors(Math.PI / 3), [0.0, 0.0], Fast);
        Assert.True(report.MeanSquareExponent >= report.Lambda - 4 * report.LambdaStandardError);
    }

    [Fact]
    public void Negative_mean_square_bound_certifies_stability_even_with_a_tiny_budget()
    {
        // Two measured steps cannot pin λ down, but λ ≤ ½ log((1 + cos²φ)/2) = −0.235 < 0 settles the sign.
        var report = Stability.Analyze(new TwoFeatureLinearModel(), UnitVectors(Math.PI / 3), [0.0, 0.0],
            Fast with { Steps = 2, Chains = 1, BlocksPerChain = 2, Transient = 0, AlwaysEstimate = false });
        Assert.Equal(LambdaMethod.Certified, report.LambdaMethod);
        Assert.True(report.MeanSquareExponent < 0);
        Assert.Equal(Verdict.Stable, report.SgdVerdict);
    }

    [Fact]
    public void Single_batch_makes_sgd_gd_with_lambda_equal_to_mu()
    {
        var report = Stability.Analyze(new TwoFeatureLinearModel(), UnitVectors(Math.PI / 3), [0.0, 0.0], Fast with { BatchSize = 2 });
        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
        Assert.Equal(report.Mu, report.Lambda);
        Assert.Equal(Math.Log((1 + 0.5) / 2), report.Lambda, 1e-12);
    }

    [Fact]
    public void Orthogonal_projections_annihilate_the_normal_space()
    {
        // φ = 90°: A_1 = diag(0, 1) and A_2 = diag(1, 0) exactly, so the first switch maps every vector to 0 and
        // λ = ½ log|cos φ| = −∞.
        var report = Stability.Analyze(new TwoFeatureLinearModel(), TwoFeatureLinearModel.WithFeatures((1.0, 0.0), (0.0, 1.0)), [0.0, 0.0], Fast);
        Assert.Equal(double.NegativeInfinity, report.Lambda);
        Assert.Equal(Verdict.Stable, report.SgdVerdict);
    }
}
