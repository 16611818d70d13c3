using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>[ExpectDerivative] and [ExpectHessian]: a wrong formula is a compile-time error showing both; a right one passes however it is written.</summary>
public class ExpectationTests
{
    private const string ProductLoss = "static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * Sq(a * b * x - y);";

    private static ImmutableArray<Diagnostic> Errors(string attributes, string loss = ProductLoss) =>
        GeneratorHarness.Run(GeneratorHarness.Usings + $$"""
            [SgdModel]
            public static partial class Fit
            {
                {{attributes}}
                [Loss]
                {{loss}}
            }
            """).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    [Theory]
    [InlineData("""[ExpectDerivative("a", "b*x*(a*b*x - y)")]""")]
    [InlineData("""[ExpectDerivative("a", "a*b^2*x^2 - b*x*y")]""")]
    [InlineData("""[ExpectDerivative("b", "x*a*(x*b*a - y)")] [ExpectDerivative("a", "(a*b*x - y)*b*x")]""")]
    [InlineData("""[ExpectHessian("a", "b", "2*a*b*x^2 - x*y")]""")]
    [InlineData("""[ExpectHessian("a", "a", "b^2*x^2")]""")]
    public void A_right_formula_written_any_way_passes(string attributes) => Assert.Empty(Errors(attributes));

    [Fact]
    public void An_identity_the_simplifier_does_not_know_passes_by_evaluation()
    {
        // d/da tan² a = 2 tan a (1 + tan² a) = 2 tan a / cos² a: equal, but not as polynomials in tan and cos.
        Assert.Empty(Errors("""[ExpectDerivative("a", "2*tan(a)/cos(a)^2")]""", "static double Loss([Param] double a, double x) => Sq(Math.Tan(a)) + 0 * x;"));
    }

    [Fact]
    public void A_wrong_derivative_is_an_error_at_the_attribute_showing_both_formulas()
    {
        var (source, span) = Markup.Parse(GeneratorHarness.Usings + """
            [SgdModel]
            public static partial class Fit
            {
                [[|ExpectDerivative("a", "b*x*(a*b*x + y)")|]]
                [Loss]
                static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * Sq(a * b * x - y);
            }
            """);
        var (_, diagnostics, run) = GeneratorHarness.Run(source);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("SGD0019", error.Id);
        Assert.Equal(span, error.Location.SourceSpan);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("b*x*(a*b*x - y)", message);
        Assert.Contains("b*x*(a*b*x + y)", message);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void A_wrong_mixed_second_derivative_is_an_error() =>
        Assert.Equal("SGD0019", Assert.Single(Errors("""[ExpectHessian("a", "b", "a*b*x^2")]""")).Id);

    [Theory]
    [InlineData("""[ExpectDerivative("c", "0")]""", "'c' is not a parameter")]
    [InlineData("""[ExpectDerivative("a", "b*x*(")]""", "position")]
    [InlineData("""[ExpectDerivative("a", "b*z")]""", "'z' is not a parameter or data value")]
    public void An_unreadable_expectation_is_an_error_that_says_why(string attributes, string why)
    {
        var error = Assert.Single(Errors(attributes));
        Assert.Equal("SGD0018", error.Id);
        Assert.Contains(why, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Array_entries_can_be_named_with_constant_subscripts()
    {
        const string loss = "static double Loss([Param(3)] double[] w, [Data(3)] double[] x, double y) => Sq(Dot(w, x) - y);";
        Assert.Empty(Errors("""[ExpectDerivative("w[1]", "2*x[1]*(w[0]*x[0] + w[1]*x[1] + w[2]*x[2] - y)")]""", loss));
        Assert.Equal("SGD0019", Assert.Single(Errors("""[ExpectDerivative("w[1]", "2*x[0]*(w[0]*x[0] + w[1]*x[1] + w[2]*x[2] - y)")]""", loss)).Id);
    }

    [Fact]
    public void A_derivative_of_a_network_can_be_written_with_sums_over_its_arrays()
    {
        const string loss = "static double Loss([Param(2, 3)] double[,] W, [Param(2)] double[] v, [Data(3)] double[] x, double y) => "
                            + "0.5 * Sq(Sum(2, j => v[j] * Tanh(Sum(3, k => W[j, k] * x[k]))) - y);";
        const string residual = "(sum(j, 2, v[j]*tanh(sum(k, 3, W[j,k]*x[k]))) - y)";
        Assert.Empty(Errors($$"""[ExpectDerivative("W[1,2]", "{{residual}}*v[1]*(1 - tanh(sum(k, 3, W[1,k]*x[k]))^2)*x[2]")]""", loss));
        Assert.Empty(Errors($$"""[ExpectDerivative("v[0]", "{{residual}}*tanh(sum(k, 3, W[0,k]*x[k]))")]""", loss));
        // The same with the wrong input: an error, not a pass.
        Assert.Equal("SGD0019", Assert.Single(Errors($$"""[ExpectDerivative("W[1,2]", "{{residual}}*v[1]*(1 - tanh(sum(k, 3, W[1,k]*x[k]))^2)*x[1]")]""", loss)).Id);
        // A name inside a sum that is neither a parameter nor data is refused with its name.
        var error = Assert.Single(Errors("""[ExpectDerivative("v[0]", "sum(j, 2, z*W[j,0])")]""", loss));
        Assert.Equal("SGD0018", error.Id);
        Assert.Contains("'z'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
