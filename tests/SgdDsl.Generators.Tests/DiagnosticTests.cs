using Microsoft.CodeAnalysis;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// Each problem becomes one SgdDsl diagnostic at the smallest span at fault, marked in the source
/// with [| |], and no code is generated for the broken model.
/// </summary>
public class DiagnosticTests
{
    private const string Header = "public static partial class Model";

    [Theory]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => [|Math.Floor|](a - x);", "Math.Floor")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => [|double.Exp2|](a - x);", "double.Exp2")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => Math.Cosh([|Math.Truncate|](a) - x);", "Math.Truncate")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => a [|%|] x;", "%")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => [|a > x ? a : x|];", "a > x ? a : x")]
    [InlineData("SGD0001", Header, "static double Field = 2; [Loss] static double Loss([Param] double a) => a * [|Field|];", "Field")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a) { var k = [|a++|]; return k; }", "a++")]
    [InlineData("SGD0002", "public static class [|Model|]", "[Loss] static double Loss([Param] double a) => a * a;", "Model")]
    [InlineData("SGD0003", "public static partial class [|Model|]", "static double Loss([Param] double a) => a * a;", "Model")]
    [InlineData("SGD0004", Header, "[Loss] static double Loss([Param] double a) => a * a; [Loss] static double [|Other|]([Param] double a) => a;", "Model")]
    [InlineData("SGD0005", "public partial class Model", "[Loss] double [|Loss|]([Param] double a) => a * a;", "Loss")]
    [InlineData("SGD0005", Header, "[Loss] static float [|Loss|]([Param] double a) => 0f;", "Loss")]
    [InlineData("SGD0006", Header, "[Loss] static double Loss([Param] double a, int [|n|]) => a * a;", "n")]
    [InlineData("SGD0007", Header, "[Loss] static double Loss([Param] double a) { [|a = 2;|] return a; }", "Loss")]
    [InlineData("SGD0008", Header, "[Loss] static double [|Loss|](double a) => a * a;", "Loss")]
    [InlineData("SGD0009", "public static partial class [|Model|]<T>", "[Loss] static double Loss([Param] double a) => a * a;", "Model")]
    [InlineData("SGD0006", Header, "[Loss] static double Loss([[|Param|]] double[] w) => w[0];", "w")]
    [InlineData("SGD0006", Header, "[Loss] static double Loss([[|Param(2, 2)|]] double[] w) => w[0];", "rank-1")]
    [InlineData("SGD0011", Header, "[Loss] static double Loss([Param(3)] double[] w) => Sum(3, i => w[[|i + 1|]]);", "0…2")]
    [InlineData("SGD0011", Header, "[Loss] static double Loss([Param(2, 3)] double[,] W) => W[1, [|3|]];", "3…3")]
    [InlineData("SGD0012", Header, "[Loss] static double Loss([Param(3)] double[] w, double x) => Sum([|(int)x|], i => w[i]);", "compile-time constant")]
    [InlineData("SGD0012", Header, "[Loss] static double Loss([Param(3)] double[] w, [Data(2)] double[] x) => Dot[|(w, x)|];", "equal length")]
    [InlineData("SGD0013", Header, "[Loss] static double Loss([Param(3)] double[] w) => Sum(3, i => w[i] * [|i|]);", "'i'")]
    public void Reports_the_problem_at_its_exact_span(string id, string header, string members, string named)
    {
        var (source, span) = Markup.Parse(GeneratorHarness.Usings + $"[SgdModel]\n{header}\n{{\n    {members}\n}}\n");
        var (_, diagnostics, run) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal("Model0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(named, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void Unsupported_function_message_lists_what_is_supported()
    {
        var source = GeneratorHarness.Usings + """
            [SgdModel] public static partial class M { [Loss] static double L([Param] double a) => Math.Floor(a); }
            """;
        var message = Assert.Single(GeneratorHarness.Run(source).Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Sigmoid", message);
        Assert.Contains("Math.Exp", message);
        foreach (var name in new[] { "Cosh", "Sinh", "Asinh", "Acosh", "Atanh", "Asin", "Acos", "Log10", "Log2", "Cbrt" })
            Assert.Contains("/" + name, message);
    }

    [Fact]
    public void A_non_partial_containing_type_is_reported_on_that_type()
    {
        var (source, span) = Markup.Parse(GeneratorHarness.Usings + """
            public static class [|Outer|]
            {
                [SgdModel] public static partial class M { [Loss] static double L([Param] double a) => a * a; }
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.Run(source).Diagnostics);
        Assert.Equal("SGD0002", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void Models_nested_in_partial_types_and_namespaces_compile()
    {
        var source = GeneratorHarness.Usings + """
            namespace Deep.Inside
            {
                public static partial class Outer
                {
                    [SgdModel] public partial class M { [Loss] static double L([Param] double a, double x) => Sq(a - x); }
                }
            }
            """;
        var model = GeneratorHarness.ModelOf(GeneratorHarness.Load(source, "Deep.Inside.Outer+M"));
        var g = new double[1];
        model.Gradient([3.0], [1.0], g);
        Assert.Equal(2 * (3.0 - 1.0), g[0]);
    }
}
