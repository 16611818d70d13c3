using Microsoft.CodeAnalysis;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// Each problem becomes one SgdDsl diagnostic at the smallest span at fault, marked in the source
/// with [| |], and no code is generated for the broken model.
/// </summary>
public class DiagnosticTests
{
    private const string Header = "public static partial class Fit";

    [Theory]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => [|Math.Floor|](a - x);", "Math.Floor")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => [|double.Exp2|](a - x);", "double.Exp2")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => Math.Cosh([|Math.Truncate|](a) - x);", "Math.Truncate")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => a [|%|] x;", "%")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a, double x) => [|a > x ? a : x|];", "a > x ? a : x")]
    [InlineData("SGD0001", Header, "static double Field = 2; [Loss] static double Loss([Param] double a) => a * [|Field|];", "Field")]
    [InlineData("SGD0001", Header, "[Loss] static double Loss([Param] double a) { var k = [|a++|]; return k; }", "a++")]
    [InlineData("SGD0002", "public static class [|Fit|]", "[Loss] static double Loss([Param] double a) => a * a;", "Fit")]
    [InlineData("SGD0003", "public static partial class [|Fit|]", "static double Loss([Param] double a) => a * a;", "Fit")]
    [InlineData("SGD0004", Header, "[Loss] static double Loss([Param] double a) => a * a; [Loss] static double [|Other|]([Param] double a) => a;", "Fit")]
    [InlineData("SGD0005", "public partial class Fit", "[Loss] double [|Loss|]([Param] double a) => a * a;", "Loss")]
    [InlineData("SGD0005", Header, "[Loss] static float [|Loss|]([Param] double a) => 0f;", "Loss")]
    [InlineData("SGD0006", Header, "[Loss] static double Loss([Param] double a, int [|n|]) => a * a;", "n")]
    [InlineData("SGD0007", Header, "[Loss] static double Loss([Param] double a) { [|a = 2;|] return a; }", "Loss")]
    [InlineData("SGD0008", Header, "[Loss] static double [|Loss|](double a) => a * a;", "Loss")]
    [InlineData("SGD0009", "public static partial class [|Fit|]<T>", "[Loss] static double Loss([Param] double a) => a * a;", "Fit")]
    [InlineData("SGD0006", Header, "[Loss] static double Loss([[|Param|]] double[] w) => w[0];", "w")]
    [InlineData("SGD0006", Header, "[Loss] static double Loss([[|Param(2, 2)|]] double[] w) => w[0];", "rank-1")]
    [InlineData("SGD0011", Header, "[Loss] static double Loss([Param(3)] double[] w) => Sum(3, i => w[[|i + 1|]]);", "0…2")]
    [InlineData("SGD0011", Header, "[Loss] static double Loss([Param(2, 3)] double[,] W) => W[1, [|3|]];", "3…3")]
    [InlineData("SGD0012", Header, "[Loss] static double Loss([Param(3)] double[] w, double x) => Sum([|(int)x|], i => w[i]);", "compile-time constant")]
    [InlineData("SGD0012", Header, "[Loss] static double Loss([Param(3)] double[] w, [Data(2)] double[] x) => Dot[|(w, x)|];", "equal length")]
    [InlineData("SGD0013", Header, "[Loss] static double Loss([Param(3)] double[] w) => Sum(3, i => w[i] * [|i|]);", "'i'")]
    [InlineData("SGD0020", Header, "const int [|ParameterCount|] = 3; [Loss] static double Loss([Param] double a) => a * a;", "'ParameterCount' has a name SgdDsl generates in every model; rename it (reserved: ParameterCount, SampleWidth, ParameterNames,")]
    [InlineData("SGD0020", Header, "static double [|Value|](double a) => a; [Loss] static double Loss([Param] double a) => a * a;", "'Value' has a name")]
    [InlineData("SGD0020", "public partial record Fit(double [|Output|])", "[Loss] static double Loss([Param] double a) => a * a;", "'Output' has a name")]
    [InlineData("SGD0021", "public static partial class [|Model|]", "[Loss] static double Loss([Param] double a) => a * a;", "The model 'Model' has the name of a member SgdDsl generates in it, and a C# member cannot be named like its type; rename the type (reserved: ParameterCount,")]
    [InlineData("SGD0022", Header, "[Loss] static double Loss([Param] double a) => [|1e308 * 1e308|] * a * a;", "'1e308 * 1e308' has a constant that is ∞, not a finite number; every constant in a loss must be finite")]
    [InlineData("SGD0022", Header, "[Loss] static double Loss([Param] double a) => [|Math.Log(0)|] * a * a;", "'Math.Log(0)' has a constant that is -∞")]
    [InlineData("SGD0022", Header, "[Loss] static double Loss([Param] double a) => 1 + [|a * a / 0.0|];", "'a * a / 0.0' has a constant that is ∞")]
    [InlineData("SGD0022", Header, "[Loss] static double Loss([Param] double a) => [|Math.Sqrt(-1.0)|] + a * a;", "'Math.Sqrt(-1.0)' has a constant that is NaN")]
    [InlineData("SGD0022", Header, "[Loss] static double Loss([Param] double a) => [|a * 1e200 * 1e200|] * a;", "has a constant that is ∞")]
    [InlineData("SGD0023", "file static partial class [|Fit|]", "[Loss] static double Loss([Param] double a) => a * a;", "'Fit' is a 'file' type, but SgdDsl adds the model's members in a file of its own, where it would be another type; declare it internal instead")]
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

    [Fact]
    public void Expressions_nested_beyond_the_limit_get_one_diagnostic_at_the_first_level_too_deep()
    {
        const int extra = 10;
        string Calls(int n) => string.Concat(Enumerable.Repeat("Math.Exp(", n));
        var body = Calls(Symbolics.Nesting.MaxDepth) + "[|" + Calls(extra) + "a" + new string(')', extra) + "|]" + new string(')', Symbolics.Nesting.MaxDepth);
        var (source, span) = Markup.Parse(GeneratorHarness.Usings + $"[SgdModel] public static partial class Fit {{ [Loss] static double Loss([Param] double a) => {body}; }}");
        var (_, diagnostics, run) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SGD0001", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains($"expressions nested more than {Symbolics.Nesting.MaxDepth} levels deep are not supported; split the loss into locals",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.GeneratedTrees);
    }

    /// <summary>C# nests a + b + c to the left, one node per operator; a flat run is one level of nesting however long.</summary>
    [Theory]
    [InlineData(" + ", 250)]
    [InlineData(" - ", 250)]
    [InlineData(" * ", 250)]
    [InlineData(" + ", 5000)]
    public void Long_flat_sums_and_products_are_one_level(string op, int count)
    {
        var terms = Enumerable.Range(0, count).Select(k => k % 2 == 0 ? "a * x" : "Sq(a)");
        var source = GeneratorHarness.Usings + $"[SgdModel] public static partial class Fit {{ [Loss] static double Loss([Param] double a, double x) => Sq({string.Join(op, terms)}); }}";
        var model = GeneratorHarness.ModelOf(GeneratorHarness.Load(source, "Fit"));

        double a = 0.999, x = 1.001;
        int odd = count / 2, even = count - odd; // terms 0, 2, 4, … are a·x, terms 1, 3, … are a²
        var expected = op switch
        {
            " + " => even * a * x + odd * a * a,
            " - " => a * x - (even - 1) * a * x - odd * a * a,
            _ => Math.Pow(a * x, even) * Math.Pow(a * a, odd),
        };
        // 1e-9 relative: the generated code and this closed form each round a few hundred operations.
        Assert.Equal(expected * expected, model.Value([a], [x]), 1e-9 * expected * expected);
    }

    [Fact]
    public void A_partial_record_is_a_model()
    {
        var source = GeneratorHarness.Usings + """
            [SgdModel] public partial record Fit(string Label) { [Loss] static double Loss([Param] double a, double x) => Sq(a - x); }
            """;
        var type = GeneratorHarness.Load(source, "Fit");
        var g = new double[1];
        GeneratorHarness.ModelOf(type).Gradient([3.0], [1.0], g);
        Assert.Equal(2 * (3.0 - 1.0), g[0]);
    }

    /// <summary>The names SGD0020 reserves are exactly those the generated part declares (with the squared-residual form, which adds three).</summary>
    [Fact]
    public void The_reserved_names_are_the_generated_members()
    {
        var clash = GeneratorHarness.Usings + "[SgdModel] public static partial class Fit { static int Value; [Loss] static double Loss([Param] double a, double x) => Sq(a - x); }";
        var message = Assert.Single(GeneratorHarness.Run(clash).Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var reserved = message[(message.IndexOf("reserved: ", StringComparison.Ordinal) + "reserved: ".Length)..^1].Split(", ");

        // A scalar and a vector residual form between them declare every generated member.
        IEnumerable<string> Declared(string loss)
        {
            var generated = GeneratorHarness.GeneratedSource(GeneratorHarness.Usings + "[SgdModel] public static partial class Fit { " + loss + " }");
            var type = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(generated).GetRoot().DescendantNodes()
                .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().First(c => c.Identifier.Text == "Fit");
            return type.Members.Select(m => m switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax p => p.Identifier.Text,
                Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax d => d.Identifier.Text,
                Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax c => c.Identifier.Text,
                _ => m.ToString(),
            });
        }
        var declared = Declared("[Loss] static double Loss([Param] double a, double x) => Sq(a - x);")
            .Concat(Declared("[Loss] static double Loss([Param(2)] double[] a, [Data(2)] double[] y) => Sum(2, k => Sq(a[k] - y[k]));"));
        Assert.Equal(reserved.Order(), declared.Distinct().Order());
    }
}
