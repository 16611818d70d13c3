using System.Globalization;
using System.Text.Json;
using SgdDsl.Rendering;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Rendering;

/// <summary>
/// The renderers say what the report knows: λ is the exponent on every path, a certified sign names its bound once,
/// JSON carries certifiedBy, and the report alone (with the names it carries) renders as the report with its model.
/// </summary>
public class ReportRenderingTests
{
    private static readonly StabilityOptions Quick = new() { Steps = 40_000, Transient = 1_000 };

    // Unit vectors at 60°: det A_i = 1 − η, so for η = 2.5 the lower bound ½ log 1.5 > 0 certifies instability.
    private static StabilityReport Plane(double eta) => Stability.Analyze(new TwoFeatureLinearModel(),
        TwoFeatureLinearModel.WithFeatures((1.0, 0.0), (0.5, Math.Sqrt(3) / 2)), [0.0, 0.0], Quick with { LearningRate = eta });

    private static string Short(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public void A_certified_report_reads_as_a_sentence_with_the_estimate_and_each_bound_once()
    {
        var r = Plane(2.5);
        Assert.Equal(CertifyingBound.Lower, r.CertifiedBy);
        Assert.Equal(0.5 * Math.Log(1.5), r.LambdaBounds.Lower, 1e-12);
        var text = TextReport.Render(r);
        var se = r.LambdaStandardError.ToString("G3", CultureInfo.InvariantCulture);
        Assert.Contains($"λ = {Short(r.Lambda)} ± {se} (sign certified: λ ≥ {Short(r.LambdaBounds.Lower)} > 0)", text);
        Assert.Equal(1, Occurrences(text, Short(r.LambdaBounds.Lower)));
        Assert.Equal(1, Occurrences(text, Short(r.LambdaBounds.Upper)));
        Assert.DoesNotContain("≥ ≥", text);
    }

    [Fact]
    public void Json_names_the_certifying_bound_and_keeps_lambda_the_estimate()
    {
        var certified = JsonDocument.Parse(JsonReport.Render(Plane(0.5))).RootElement;
        Assert.Equal("certified", certified.GetProperty("lambdaMethod").GetString());
        Assert.Equal("upper", certified.GetProperty("certifiedBy").GetString());
        Assert.True(certified.GetProperty("lambda").GetDouble() < certified.GetProperty("lambdaUpper").GetDouble());
        Assert.True(certified.GetProperty("lambdaStdErr").GetDouble() > 0);

        var oneDimensional = Stability.Analyze(new ScalarLinearModel(), ScalarLinearModel.WithCurvatures([0.5, 1.2, 3.0]), [0.0], new StabilityOptions { LearningRate = 1.0 });
        var exact = JsonDocument.Parse(JsonReport.Render(oneDimensional)).RootElement;
        Assert.Equal("exact", exact.GetProperty("lambdaMethod").GetString());
        Assert.Equal(JsonValueKind.Null, exact.GetProperty("certifiedBy").ValueKind);
    }

    [Fact]
    public void The_report_carries_the_formula_and_names_it_prints()
    {
        var model = new TwoFeatureLinearModel();
        var report = Stability.Analyze(model, TwoFeatureLinearModel.WithFeatures((1.0, 0.0), (0.5, 0.9)), [0.0, 0.0], Quick with { LearningRate = 0.5 });
        Assert.Equal(model.LossFormula, report.LossFormula);
        Assert.Equal(model.ParameterNames, report.ParameterNames);
        Assert.Equal(model.SampleNames, report.SampleNames);
        Assert.Equal(TextReport.Render(report, model), TextReport.Render(report));
        Assert.Contains(model.LossFormula, TextReport.Render(report));
    }

    [Fact]
    public void Notes_and_caveats_are_the_worded_findings()
    {
        var r = Plane(1.0);
        Assert.Contains(r.Findings, f => f is StabilityFinding.SingularBatchMap);
        Assert.Equal(r.Findings.OfType<StabilityFinding.RegularityCaveat>().Select(FindingText.Sentence), r.Caveats);
        Assert.Equal(r.Findings.Where(f => f is not StabilityFinding.RegularityCaveat).Select(FindingText.Sentence), r.Notes);
        Assert.Equal(r.LambdaBounds.Upper, r.MeanSquareExponent);
    }
}
