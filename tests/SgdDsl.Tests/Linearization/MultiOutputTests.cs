using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Linearization;

/// <summary>
/// K outputs per sample: the vector squared-residual form (H_i = 2c JᵀJ from the output Jacobian, no Hessian) gives the
/// same normal space, curvatures, μ and bounds as the dense per-sample Hessians of the same model, and λ within its
/// error. Exact values agree to 1e-10 (both are eigen-decompositions of the same r×r matrices, formed differently).
/// </summary>
public class MultiOutputTests
{
    private const int D = 4, K = 2;
    private static readonly Dataset Data = MultiOutputLinearModel.WithFeatures(K,
        [1.0, 0.2, -0.3, 0.0, 0.1, 0.9, 0.0, 0.4],
        [0.0, -0.5, 1.1, 0.3, 0.7, 0.0, 0.2, -0.6],
        [0.3, 0.3, 0.3, 0.3, -0.2, 0.8, -0.4, 0.1]);

    private static readonly StabilityOptions Options = new() { LearningRate = 0.6, Steps = 40_000, Transient = 1_000, AlwaysEstimate = true, MaxSteps = 0 };

    [Fact]
    public void The_vector_form_matches_the_dense_hessians()
    {
        var fast = Stability.Analyze(new MultiOutputLinearModel(D, K, squaredResidual: true), Data, new double[D], Options);
        var dense = Stability.Analyze(new MultiOutputLinearModel(D, K, squaredResidual: false), Data, new double[D], Options);
        Assert.True(fast.FromSquaredResidual);
        Assert.False(dense.FromSquaredResidual);
        Assert.Equal(D, fast.NormalDimension);
        Assert.Equal(dense.NormalDimension, fast.NormalDimension);
        Assert.Equal([K, K, K], fast.SampleRanks);
        Assert.Equal(dense.SampleRanks, fast.SampleRanks);
        for (var j = 0; j < D; j++)
            Assert.Equal(dense.MeanHessianSpectrumOnNormalSpace[j], fast.MeanHessianSpectrumOnNormalSpace[j], 1e-10);
        Assert.Equal(dense.Mu, fast.Mu, 1e-10);
        Assert.Equal(dense.LambdaBounds.Lower, fast.LambdaBounds.Lower, 1e-10);
        Assert.Equal(dense.LambdaBounds.Upper, fast.LambdaBounds.Upper, 1e-10);
        Assert.Equal(dense.Sharpness, fast.Sharpness, 1e-10);
        Assert.Equal(dense.NonUniformity, fast.NonUniformity, 1e-10);
        var se = Math.Sqrt(fast.LambdaStandardError * fast.LambdaStandardError + dense.LambdaStandardError * dense.LambdaStandardError);
        Assert.True(Math.Abs(fast.Lambda - dense.Lambda) <= 4 * se, $"{fast.Lambda} ± {fast.LambdaStandardError} vs {dense.Lambda} ± {dense.LambdaStandardError}");
    }

    [Fact]
    public void Curvature_of_several_outputs_is_the_sum_of_their_rank_one_terms()
    {
        // One sample: H = x_0 x_0ᵀ + x_1 x_1ᵀ, so μ = log max |1 − η h| over its eigenvalues (N = 1: λ = μ).
        var one = MultiOutputLinearModel.WithFeatures(K, [1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        var report = Stability.Analyze(new MultiOutputLinearModel(D, K, squaredResidual: true), one, new double[D], new StabilityOptions { LearningRate = 0.3 });
        Assert.Equal(2, report.NormalDimension);
        Assert.Equal([1.0, 4.0], report.MeanHessianSpectrumOnNormalSpace, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(Math.Log(Math.Max(Math.Abs(1 - 0.3), Math.Abs(1 - 1.2))), report.Mu, 1e-12);
        Assert.Equal(report.Mu, report.Lambda, 1e-12);
    }
}
