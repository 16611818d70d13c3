using SgdDsl.Tests.Exponents;
using ProductModel = SgdDsl.Cli.BuiltIn.ProductModel;

namespace SgdDsl.Tests.EndToEnd;

/// <summary>
/// The whole path with a generated model: THEORY.md's product model ℓ = ½(a·b·x − y)², y = c·x, has
/// normal space spanned by (b, a) and normal curvature x_i²(a² + b²) for sample i, so
/// μ = log|1 − η(a² + b²)·mean(x²)| and λ = E_ξ log|1 − η(a² + b²)·mean_{i∈ξ} x_i²|.
/// </summary>
public class GeneratedProductModelTests
{
    private static readonly double[] X = [0.5, 1.0, 2.0];
    private const double C = 1.5;

    [Theory]
    [InlineData(1.0, 0.05, 1)]
    [InlineData(0.5, 0.05, 1)]
    [InlineData(3.0, 0.02, 1)]
    [InlineData(1.2, 0.1, 2)]
    [InlineData(2.0, 0.03, 2)]
    public void Mu_and_lambda_match_the_closed_forms_along_the_hyperbola(double a, double eta, int batch)
    {
        var b = C / a;
        var data = Dataset.FromRows(X.Select(x => new[] { x, C * x }).ToArray());
        var report = Stability.Analyze(ProductModel.Model, data, [a, b], new StabilityOptions { LearningRate = eta, BatchSize = batch });

        var k = X.Select(x => x * x * (a * a + b * b)).ToArray();
        var mu = ClosedForms.Mu(k, eta);
        var lambda = ClosedForms.LambdaWithoutReplacement(k, batch, eta);

        Assert.Equal(1, report.NormalDimension);
        Assert.Equal(1, report.TangentDimension);
        // Both come from exact formulas evaluated in a different order: agreement to rounding.
        Assert.Equal(mu, report.Mu, 1e-10);
        Assert.Equal(lambda, report.Lambda, 1e-10);
        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
        Assert.Equal(mu < 0 ? Verdict.Stable : Verdict.Unstable, report.GdVerdict);
        Assert.Equal(lambda < 0 ? Verdict.Stable : Verdict.Unstable, report.SgdVerdict);
    }

    [Fact]
    public void Minimize_lands_on_the_hyperbola_and_the_landing_point_analyses()
    {
        var data = Dataset.FromRows(X.Select(x => new[] { x, C * x }).ToArray());
        var found = Stability.Minimize(ProductModel.Model, data, [1.4, 0.8]);
        // Zero-residual problem: LM converges quadratically, to rounding of a·b.
        Assert.Equal(C, found.Point[0] * found.Point[1], 1e-12);
        var report = Stability.Analyze(ProductModel.Model, data, found.Point, new StabilityOptions { LearningRate = 0.05 });
        Assert.Equal(1, report.NormalDimension);
    }
}
