using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// Warnings and infos point at the smallest span at fault, leave the generated code in place, and
/// obey #pragma and .editorconfig like any other diagnostic.
/// </summary>
public class WarningTests
{
    private static (ImmutableArray<Diagnostic> Diagnostics, Microsoft.CodeAnalysis.Text.TextSpan Span, GeneratorDriverRunResult Run) Analyze(string members)
    {
        var (source, span) = Markup.Parse(GeneratorHarness.Usings + $"[SgdModel]\npublic static partial class Fit\n{{\n    {members}\n}}\n");
        var (_, diagnostics, run) = GeneratorHarness.Run(source);
        return (diagnostics, span, run);
    }

    [Theory]
    [InlineData("SGD0014", "[Loss] static double Loss([Param] double a, double x) => Sq([|Math.Abs|](a) - x);", "Math.Abs")]
    [InlineData("SGD0014", "[Loss] static double Loss([Param] double a, double x) => Sq([|Math.Max|](a, 0) - x);", "Math.Max")]
    [InlineData("SGD0014", "[Loss] static double Loss([Param] double a, double x) => Sq([|Relu|](a * x) - 1);", "Relu")]
    [InlineData("SGD0014", "[Loss] static double Loss([Param] double a, double x) => Sq([|Math.Cbrt|](a) - x);", "Math.Cbrt")]
    [InlineData("SGD0014", "[Loss] static double Loss([Param] double a, double x) => Sq([|Cbrt|](a) - x);", "Cbrt")]
    [InlineData("SGD0015", "[Loss] static double [|Loss|]([Param] double a, double x) => Math.Sinh(a - x);", "non-negative")]
    [InlineData("SGD0015", "[Loss] static double [|Loss|]([Param] double a, double x) => Math.Cosh(a - x) - 1.5;", "non-negative")]
    [InlineData("SGD0015", "[Loss] static double [|Loss|]([Param] double a, double x) => a * x;", "non-negative")]
    [InlineData("SGD0016", "[Loss] static double Loss([Param] double a, [Param] double [|b|], double x, double y) => Sq(a * x - y);", "'b'")]
    [InlineData("SGD0017", "[Loss] static double [|Loss|]([Param] double a, double x, double y) => Softplus(-y * a * x);", "c·(f − y)²")]
    public void Reports_the_warning_at_its_exact_span_and_still_generates(string id, string members, string named)
    {
        var (diagnostics, span, run) = Analyze(members);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains(named, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Single(GeneratorHarness.ModelTrees(run));
    }

    [Theory]
    [InlineData("0.5 * Sq(a * b * x - y)")]
    [InlineData("0.5 * (a * b * x - y) * (a * b * x - y)")]
    [InlineData("(a * b * x - y) * (a * b * x - y) * 0.5")]
    [InlineData("0.5 * (y - a * b * x) * (y - a * b * x)")]
    public void A_squared_non_negative_loss_in_residual_form_gets_no_warning_or_info(string body)
    {
        var (diagnostics, _, _) = Analyze($"[Loss] static double [|Loss|]([Param] double a, [Param] double b, double x, double y) => {body};");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Sign_analysis_accepts_sums_of_squares_exponentials_and_softplus()
    {
        var (diagnostics, _, _) = Analyze("[Loss] static double [|Loss|]([Param] double a, double x, double y) => Sq(a - x) + Math.Exp(a) * Softplus(y) + Math.Pow(a * y, 4) + LogCosh(a);");
        Assert.DoesNotContain(diagnostics, d => d.Id == "SGD0015");
    }

    [Theory]
    [InlineData("Math.Cosh(a - x) - 1")]
    [InlineData("Math.Log(Math.Cosh(a - x))")]
    [InlineData("Math.Acosh(1 + Sq(a - x)) + Math.Acos(Math.Tanh(a))")]
    [InlineData("Math.Exp(Sq(a - x)) - 1 + Math.Tanh(Sq(a)) + Math.Sinh(Math.Abs(x)) * Math.Cbrt(Sq(a))")]
    public void Sign_analysis_uses_the_range_and_monotonicity_of_each_function(string body)
    {
        var (diagnostics, _, _) = Analyze($"[Loss] static double [|Loss|]([Param] double a, double x) => {body};");
        Assert.DoesNotContain(diagnostics, d => d.Id == "SGD0015");
    }

    [Fact]
    public void Pragma_warning_disable_suppresses_a_warning()
    {
        var source = GeneratorHarness.Usings + """
            [SgdModel]
            public static partial class Fit
            {
            #pragma warning disable SGD0016
                [Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => Sq(a * x - y);
            #pragma warning restore SGD0016
            }
            """;
        var diagnostics = GeneratorHarness.AnalyzerDiagnostics(GeneratorHarness.Compile(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "SGD0016");
    }

    [Fact]
    public void A_configured_severity_as_editorconfig_sets_turns_a_warning_into_an_error()
    {
        var source = GeneratorHarness.Usings + """
            [SgdModel]
            public static partial class Fit
            {
                [Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => Sq(a * x - y);
            }
            """;
        var compilation = GeneratorHarness.Compile(source);
        var options = compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("SGD0016", ReportDiagnostic.Error));
        var diagnostics = GeneratorHarness.AnalyzerDiagnostics(compilation.WithOptions(options));
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "SGD0016").Severity);
    }
}
