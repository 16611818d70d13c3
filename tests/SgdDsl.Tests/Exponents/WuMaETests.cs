using SgdDsl.Exponents;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// Wu–Ma–E quantities against THEORY.md: in one dimension a = mean h, s² = mean h² − a², and the mean-square
/// identity E(1 − ηh_ξ)² = (1 − ηa)² + η²s²(N−B)/(B(N−1)) ties them to the mean-square bound (1e-12: a few
/// O(1) sums apart).
/// </summary>
public class WuMaETests
{
    private static readonly double[] H = [0.5, 1.2, 3.0];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void One_dimensional_sharpness_and_non_uniformity_give_the_mean_square_identity(int b)
    {
        var eta = 1.0;
        var report = Stability.Analyze(new ScalarLinearModel(), ScalarLinearModel.WithCurvatures(H), [0.0], new StabilityOptions { LearningRate = eta, BatchSize = b });
        var a = H.Average();
        var s = Math.Sqrt(H.Average(h => h * h) - a * a);
        Assert.Equal(a, report.Sharpness, 1e-12);
        Assert.Equal(s, report.NonUniformity, 1e-12);
        Assert.Equal(2 / eta, report.SharpnessThreshold);
        Assert.Equal(Math.Sqrt(b * 2.0 / (3 - b)) / eta, report.NonUniformityThreshold, 1e-12);
        var n = H.Length;
        var meanSquare = Math.Pow(1 - eta * a, 2) + eta * eta * s * s * (n - b) / (b * (n - 1.0));
        Assert.Equal(0.5 * Math.Log(meanSquare), report.LambdaBounds.Upper, 1e-12);
        Assert.Equal(ClosedForms.MeanSquareWithoutReplacement(H, b, eta), report.LambdaBounds.Upper, 1e-12);
        if (b == 1)
            Assert.Equal(1.43, meanSquare, 1e-12); // THEORY.md: mean-square unstable, yet λ < 0.
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Lanczos_non_uniformity_above_r_128_agrees_with_the_dense_matrix(int outputs)
    {
        // r = 140 > WuMaE.DenseDimension: the report's s comes from Lanczos; both routes here on the same K_i.
        // 1e-9 relative on λ_max(Σ): the Lanczos tolerance is 1e-10 on its residual.
        const int d = 140;
        var random = new Random(outputs);
        var n = 200 / outputs;
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d * outputs).Select(_ => 2 * random.NextDouble() - 1).ToArray()).ToArray();
        var hessians = Stability.Linearize(new MultiOutputLinearModel(d, outputs, squaredResidual: true), MultiOutputLinearModel.WithFeatures(outputs, rows), new double[d])
            .Inner.Hessians;
        Assert.Equal(d, hessians.Dimension);
        var dense = WuMaE.DenseTop(hessians);
        var lanczos = WuMaE.LanczosTop(hessians);
        Assert.True(dense > 0);
        Assert.Equal(dense, lanczos, 1e-9 * dense);
    }
}
