namespace SgdDsl.Plots.Tests;

public class ChartFileTests
{
    private static readonly ExponentPoint[] Points =
    [
        new(0.05, -0.5, -0.4, 0.01, Verdict.Stable, Verdict.Stable),
        new(0.10, -0.2, -0.1, 0.02, Verdict.Stable, Verdict.Stable),
        new(0.20, 0.1, double.NegativeInfinity, 0, Verdict.Unstable, Verdict.Stable),
        new(0.30, 0.4, 0.2, 0.03, Verdict.Unstable, Verdict.Unstable),
    ];

    [Theory]
    [InlineData(".png")]
    [InlineData(".svg")]
    public void Exponent_chart_is_written_as_a_valid_picture(string extension)
    {
        var path = ImageFiles.TempPath(extension);
        StabilityPlots.Exponents(new ExponentCurve { Points = Points, Title = "test", StableSpans = [new(0.05, 0.15, Sgd: false)] }, path, 400, 300);
        if (extension == ".png") ImageFiles.AssertPng(path); else ImageFiles.AssertSvg(path);
        File.Delete(path);
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".svg")]
    public void Stability_map_is_written_as_a_valid_picture(string extension)
    {
        var cells = (from a in new[] { 0.5, 1.0, 2.0 } from eta in new[] { 0.1, 0.2 }
                     select new StabilityCell(a, eta, eta < 0.15 ? Verdict.Stable : Verdict.Unstable, a == 1 ? Verdict.Stable : Verdict.Inconclusive)).ToArray();
        var path = ImageFiles.TempPath(extension);
        StabilityPlots.StabilityMap(new StabilityGrid { Cells = cells, Title = "test" }, path, 600, 300);
        if (extension == ".png") ImageFiles.AssertPng(path); else ImageFiles.AssertSvg(path);
        File.Delete(path);
    }

    [Fact]
    public void Convergence_and_distance_charts_are_written_as_png()
    {
        var history = new LambdaConvergence
        {
            History = [new(100, -0.05, 0.02), new(200, -0.06, 0.012), new(400, -0.055, 0.008)],
            Title = "test",
            Mu = -0.3,
        };
        var traces = new DistanceTraces
        {
            Traces = [new(0, TrialOutcome.Accumulated, [1e-4, 5e-5, 2e-5, 0]), new(1, TrialOutcome.Escaped, [1e-4, 3e-4, 1e-3, double.NaN])],
            Title = "test",
            Lambda = -0.5,
        };
        var first = ImageFiles.TempPath(".png");
        var second = ImageFiles.TempPath(".png");
        StabilityPlots.Convergence(history, first, 400, 300);
        StabilityPlots.NormalDistance(traces, second, 400, 300);
        ImageFiles.AssertPng(first);
        ImageFiles.AssertPng(second);
        File.Delete(first);
        File.Delete(second);
    }

    [Fact]
    public void Unknown_picture_format_is_refused_before_drawing()
    {
        var e = Assert.Throws<ArgumentException>(() => StabilityPlots.Exponents(new ExponentCurve { Points = Points, Title = "t" }, "out.jpg"));
        Assert.Contains(".png or .svg", e.Message);
    }
}
