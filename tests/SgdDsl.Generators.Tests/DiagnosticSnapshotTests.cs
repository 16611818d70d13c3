using System.Globalization;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// What a user sees for each diagnostic (location, severity, id, message), pinned as approved files.
/// SGD0010 is absent: it reports an internal failure, which no valid or invalid input should reach.
/// </summary>
public class DiagnosticSnapshotTests
{
    private const string Model = "[SgdModel]\npublic static partial class Fit\n{\n";

    public static TheoryData<string, string> Cases => new()
    {
        { "SGD0001", Model + "    [Loss] static double Loss([Param] double a, double x) => Math.Floor(a - x);\n}" },
        { "SGD0002", "[SgdModel]\npublic static class Fit\n{\n    [Loss] static double Loss([Param] double a) => a * a;\n}" },
        { "SGD0003", Model + "    static double Loss([Param] double a) => a * a;\n}" },
        { "SGD0004", Model + "    [Loss] static double Loss([Param] double a) => a * a;\n    [Loss] static double Other([Param] double a) => a;\n}" },
        { "SGD0005", "[SgdModel]\npublic partial class Fit\n{\n    [Loss] double Loss([Param] double a) => a * a;\n}" },
        { "SGD0006", Model + "    [Loss] static double Loss([Param] double a, int n) => a * a;\n}" },
        { "SGD0007", Model + "    [Loss] static double Loss([Param] double a) { a = 2; return a; }\n}" },
        { "SGD0008", Model + "    [Loss] static double Loss(double a) => a * a;\n}" },
        { "SGD0009", "[SgdModel]\npublic static partial class Fit<T>\n{\n    [Loss] static double Loss([Param] double a) => a * a;\n}" },
        { "SGD0011", Model + "    [Loss] static double Loss([Param(3)] double[] w) => Sum(3, i => w[i + 1]);\n}" },
        { "SGD0012", Model + "    [Loss] static double Loss([Param(3)] double[] w, [Data(2)] double[] x) => Dot(w, x);\n}" },
        { "SGD0013", Model + "    [Loss] static double Loss([Param(3)] double[] w) => Sum(3, i => w[i] * i);\n}" },
        { "SGD0014", Model + "    [Loss] static double Loss([Param] double a, double x) => Sq(Math.Abs(a) - x);\n}" },
        { "SGD0015", Model + "    [Loss] static double Loss([Param] double a, double x, double y) => Sq(a * x - y) - a;\n}" },
        { "SGD0016", Model + "    [Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => Sq(a * x - y);\n}" },
        { "SGD0017", Model + "    [Loss] static double Loss([Param] double a, double x, double y) => Softplus(-y * a * x);\n}" },
        { "SGD0018", Model + "    [ExpectDerivative(\"c\", \"0\")]\n    [Loss] static double Loss([Param] double a, double x, double y) => Sq(a * x - y);\n}" },
        { "SGD0019", Model + "    [ExpectDerivative(\"a\", \"x*(a*x - y)\")]\n    [Loss] static double Loss([Param] double a, double x, double y) => Sq(a * x - y);\n}" },
        { "SGD0020", Model + "    const int ParameterCount = 3;\n    [Loss] static double Loss([Param] double a) => a * a;\n}" },
        { "SGD0021", "[SgdModel]\npublic static partial class Model\n{\n    [Loss] static double Loss([Param] double a) => a * a;\n}" },
        { "SGD0022", Model + "    [Loss] static double Loss([Param] double a, double x) => Sq(a - x) / 0.0;\n}" },
        { "SGD0023", "[SgdModel]\nfile static partial class Fit\n{\n    [Loss] static double Loss([Param] double a) => a * a;\n}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_renders_as_approved(string id, string model)
    {
        var (_, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Usings + model);
        Assert.Contains(diagnostics, d => d.Id == id);
        var rendered = string.Join("\n", diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d =>
        {
            var line = d.Location.GetLineSpan();
            var text = d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) ?? "";
            return $"{line.Path}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}\n    at: {text}";
        }));
        Snapshot.Verify(rendered, $"DiagnosticSnapshotTests.{id}", "txt");
    }
}
