using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// THEORY.md: for ℓ_i = ½(a b x_i − y_i)² with y_i = c x_i, N is spanned by (b, a) and sample i's normal curvature is
/// x_i²(a² + b²), so μ and λ depend on where on the hyperbola ab = c the minimum sits. The closed forms are evaluated
/// with <see cref="ClosedForms"/>; tolerance 1e-12 because a·(c/a) reproduces c only to an ulp, which moves each
/// curvature by ~1e-16 relative, and the largest |d log|1 − ηk|/dk| here is below 30.
/// </summary>
public class ProductModelExponentTests
{
    private const double C = 2.0;
    private const double Eta = 0.2;
    private static readonly double[] X = [0.6, 1.1, 1.7];

    public static TheoryData<double, int, BatchSampling> Points => new()
    {
        { Math.Sqrt(2.0), 1, BatchSampling.WithoutReplacement },
        { Math.Sqrt(2.0), 2, BatchSampling.WithoutReplacement },
        { 2.0, 1, BatchSampling.WithoutReplacement },
        { 2.0, 2, BatchSampling.WithReplacement },
        { 3.0, 1, BatchSampling.WithoutReplacement },
        { 3.0, 2, BatchSampling.Reshuffling },
        { 0.4, 2, BatchSampling.WithoutReplacement },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Exponents_match_the_closed_form_along_the_hyperbola(double a, int b, BatchSampling sampling)
    {
        var minimum = new[] { a, C / a };
        var report = Stability.Analyze(new ProductModel(), ProductModel.OnLine(C, X), minimum,
            new StabilityOptions { LearningRate = Eta, BatchSize = b, Sampling = sampling });

        var s = a * a + C / a * (C / a);
        var k = X.Select(x => x * x * s).ToArray();
        var lambda = sampling switch
        {
            BatchSampling.WithoutReplacement => ClosedForms.LambdaWithoutReplacement(k, b, Eta),
            BatchSampling.WithReplacement => ClosedForms.LambdaWithReplacement(k, b, Eta),
            _ => ClosedForms.LambdaReshuffling(k, b, Eta),
        };
        var mu = ClosedForms.Mu(k, Eta);

        Assert.Equal(1, report.NormalDimension);
        Assert.Equal(1, report.TangentDimension);
        Assert.Equal(k.Average(), report.MeanHessianSpectrumOnNormalSpace.Single(), 1e-12);
        Assert.Equal(mu, report.Mu, 1e-12);
        Assert.Equal(lambda, report.Lambda, 1e-12);
        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
        Assert.Equal(mu < 0 ? Verdict.Stable : Verdict.Unstable, report.GdVerdict);
        Assert.Equal(lambda < 0 ? Verdict.Stable : Verdict.Unstable, report.SgdVerdict);
    }

    [Fact]
    public void Stability_changes_along_the_hyperbola()
    {
        StabilityReport At(double a) => Stability.Analyze(new ProductModel(), ProductModel.OnLine(C, X), [a, C / a],
            new StabilityOptions { LearningRate = Eta });
        // a² + b² = 4 at the balanced point, 9.44 at a = 3: curvature grows away from the balanced point.
        Assert.Equal(Verdict.Stable, At(Math.Sqrt(2.0)).SgdVerdict);
        Assert.Equal(Verdict.Unstable, At(3.0).SgdVerdict);
        Assert.Equal(Verdict.Unstable, At(3.0).GdVerdict);
    }
}
