using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Analysis;

public class MinimizeTests
{
    private static readonly double[] X = [0.5, 1.0, 2.0];

    [Fact]
    public void Product_model_reaches_the_hyperbola()
    {
        double[] start = [1.3, 0.9];
        var result = Stability.Minimize(new ProductModel(), ProductModel.OnLine(1.0, X), start);

        Assert.True(result.Converged);
        // L ≤ 1e-24 already means |ab − 1| ≤ √(2e-24 / mean x²) ≈ 8e-13; the polishing steps go to round-off.
        Assert.True(Math.Abs(result.Point[0] * result.Point[1] - 1.0) <= 1e-12, $"ab − 1 = {result.Point[0] * result.Point[1] - 1.0}");
        Assert.True(result.Loss <= 1e-24);
        Assert.InRange(result.Iterations, 1, 50);
        Assert.Equal([1.3, 0.9], start);
        Assert.Equal(Math.Sqrt(Math.Pow(result.Point[0] - 1.3, 2) + Math.Pow(result.Point[1] - 0.9, 2)), result.DistanceMoved, 1e-15);

        // The step crosses the manifold instead of running along it. The distance to the hyperbola comes from a scan of
        // (a − 1.3)² + (1/a − 0.9)² at spacing 1e-5 (so 1e-6 relative slack below). Newton with the exact Hessian also
        // drifts along the manifold by O(residual), hence 25% above; runaway along the hyperbola moves several times farther.
        var nearest = Enumerable.Range(0, 200_001).Select(i => 0.8 + i * 1e-5)
            .Min(a => Math.Sqrt(Math.Pow(a - 1.3, 2) + Math.Pow(1 / a - 0.9, 2)));
        Assert.InRange(result.DistanceMoved, nearest * (1 - 1e-6), nearest * 1.25);
    }

    [Fact]
    public void Minimized_point_passes_the_minimum_check()
    {
        var data = ProductModel.OnLine(1.0, X);
        var result = Stability.Minimize(new ProductModel(), data, [1.3, 0.9]);
        var report = Stability.Analyze(new ProductModel(), data, result.Point, new StabilityOptions());
        Assert.Equal(1, report.NormalDimension);
    }

    [Fact]
    public void A_minimum_is_left_where_it_is()
    {
        var result = Stability.Minimize(new ProductModel(), ProductModel.OnLine(1.0, X), [2.0, 0.5]);
        Assert.Equal(0, result.Iterations);
        Assert.Equal(0.0, result.DistanceMoved);
        Assert.True(result.Converged);
    }

    [Fact]
    public void Linear_regression_is_solved_in_one_newton_step()
    {
        // Two independent features, targets from θ = (1, −2): the Hessian is exact, so Newton lands on it at once
        // (damping 1e-3·h_max leaves a relative error of about 1e-3, removed by the next steps).
        var data = Dataset.FromRows([[1.0, 0.0, 1.0], [1.0, 1.0, -1.0], [0.0, 2.0, -4.0]]);
        var result = Stability.Minimize(new TwoFeatureLinearModel(), data, [0.0, 0.0]);
        Assert.True(result.Converged);
        Assert.Equal(1.0, result.Point[0], 1e-11);
        Assert.Equal(-2.0, result.Point[1], 1e-11);
    }

    [Fact]
    public void Start_of_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Stability.Minimize(new ProductModel(), ProductModel.OnLine(1.0, X), [1.0]));
        Assert.Equal("start", ex.ParamName);
    }
}
