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
}
