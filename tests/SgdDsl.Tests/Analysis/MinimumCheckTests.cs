using System.Globalization;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Analysis;

/// <summary>Analyze refuses points that are not global minima and never moves them.</summary>
public class MinimumCheckTests
{
    private static readonly double[] X = [0.5, 1.0, 2.0];

    [Fact]
    public void Non_minimum_is_rejected_with_its_loss_and_gradient_norm()
    {
        // At (1.3, 0.9) with y = x: residual r_i = 0.17 x_i, L = mean ½ r_i², ∇L = mean r_i x_i (b, a).
        var (a, b) = (1.3, 0.9);
        var residual = a * b - 1.0;
        var meanSquare = X.Average(x => x * x);
        var loss = 0.5 * residual * residual * meanSquare;
        var gradientNorm = residual * meanSquare * Math.Sqrt(a * a + b * b);

        var ex = Assert.Throws<NotAMinimumException>(() =>
            Stability.Analyze(new ProductModel(), ProductModel.OnLine(1.0, X), [a, b], new StabilityOptions()));

        // Relative 1e-14: a few roundings in sums of three O(1) products.
        Assert.Equal(loss, ex.Loss, loss * 1e-14);
        Assert.Equal(gradientNorm, ex.GradientNorm, gradientNorm * 1e-14);
        Assert.Contains(ex.Loss.ToString(CultureInfo.InvariantCulture), ex.Message);
        Assert.Contains(ex.GradientNorm.ToString(CultureInfo.InvariantCulture), ex.Message);
        Assert.Equal(new StabilityOptions().LossTolerance, ex.LossTolerance);
    }

    [Fact]
    public void Loosened_tolerances_accept_a_near_minimum_and_note_the_residual()
    {
        var options = new StabilityOptions { LossTolerance = 1e-6, GradientTolerance = 1e-2 };
        var report = Stability.Analyze(new ProductModel(), ProductModel.OnLine(1.0, X), [1.0, 1.0 + 1e-4], options);
        Assert.Equal([1.0, 1.0 + 1e-4], report.Minimum);
        Assert.Contains(report.Notes, n => n.Contains("Stability.Minimize", StringComparison.Ordinal));
    }

    [Fact]
    public void The_point_is_copied_not_moved()
    {
        double[] point = [2.0, 0.5];
        var report = Stability.Analyze(new ProductModel(), ProductModel.OnLine(1.0, X), point, new StabilityOptions());
        Assert.Equal([2.0, 0.5], point);
        Assert.Equal(point, report.Minimum);
        Assert.NotSame(point, report.Minimum);
        Assert.True(report.Loss <= 1e-30);
    }
}
