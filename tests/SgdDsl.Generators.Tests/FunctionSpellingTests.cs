using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SgdDsl.Generators.Tests.Infrastructure;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// The functions users write: every spelling in the catalogue is a real method of System.Math, double or
/// SgdDsl.Dsl, and <c>Math.Log(Math.Cosh(r))</c> is treated exactly as <c>LogCosh(r)</c>.
/// </summary>
public class FunctionSpellingTests
{
    private static string Model(string body) => GeneratorHarness.Usings + $$"""
        namespace Cases;
        [SgdModel]
        public static partial class Robust
        {
            [Loss]
            static double Loss([Param] double w, [Param] double c, double x, double y) => {{body}};
        }
        """;

    private static string[] Rendered(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().Span}: {d.GetMessage(CultureInfo.InvariantCulture)}").ToArray();

    [Fact]
    public void Log_of_cosh_generates_the_same_code_and_diagnostics_as_LogCosh()
    {
        // Both are the generalized residual form φ(f − y) with φ''(0) = 1, so neither gets any diagnostic, and the code agrees.
        var logCosh = GeneratorHarness.Run(Model("LogCosh(w * x + c - y)"));
        var logOfCosh = GeneratorHarness.Run(Model("Math.Log(Math.Cosh(w * x + c - y))"));

        Assert.Equal(Rendered(logCosh.Diagnostics), Rendered(logOfCosh.Diagnostics));
        Assert.Empty(logOfCosh.Diagnostics);
        Assert.Contains("φ''(0) = 1", Assert.Single(GeneratorHarness.ModelTrees(logOfCosh.Run)).GetText().ToString());
        Assert.Equal(
            Assert.Single(GeneratorHarness.ModelTrees(logCosh.Run)).GetText().ToString(),
            Assert.Single(GeneratorHarness.ModelTrees(logOfCosh.Run)).GetText().ToString());
    }

    [Fact]
    public void Log_of_cosh_has_LogCosh_formulas_and_derivatives_that_match_central_differences()
    {
        var model = GeneratorHarness.ModelOf(GeneratorHarness.Load(Model("Math.Log(Math.Cosh(w * x + c - y))"), "Cases.Robust"));
        Assert.Equal("logcosh(w*x + c - y)", model.LossFormula);
        Assert.Equal(["x*tanh(w*x + c - y)", "tanh(w*x + c - y)"], model.GradientFormulas);

        double[] sample = [1.3, 0.6];
        double[][] points = [[0.7, -0.4], [-1.2, 2.5], [3.0, 0.1]];
        foreach (var theta in points)
        {
            var gradient = new double[2];
            model.Gradient(theta, sample, gradient);
            var expected = FiniteDifferences.Gradient(t => model.Value(t, sample), theta);
            for (var i = 0; i < 2; i++) Assert.Equal(expected[i], gradient[i], FiniteDifferences.Tolerance(expected[i]));

            var hessian = new double[4];
            model.Hessian(theta, sample, hessian);
            for (var j = 0; j < 2; j++)
            {
                var column = FiniteDifferences.Partial(t =>
                {
                    var g = new double[2];
                    model.Gradient(t, sample, g);
                    return g;
                }, theta, j);
                for (var i = 0; i < 2; i++) Assert.Equal(column[i], hessian[2 * i + j], FiniteDifferences.Tolerance(column[i]));
            }

            double[] v = [0.3, -1.7];
            var hv = new double[2];
            model.HessianVectorProduct(theta, sample, v, hv);
            // H·v by differences of the gradient along v: (∇ℓ(θ + hv) − ∇ℓ(θ − hv))/2h, the same O(h²) tolerance.
            var along = FiniteDifferences.Partial(s =>
            {
                var g = new double[2];
                model.Gradient([theta[0] + s[0] * v[0], theta[1] + s[0] * v[1]], sample, g);
                return g;
            }, [0.0], 0);
            for (var i = 0; i < 2; i++) Assert.Equal(along[i], hv[i], FiniteDifferences.Tolerance(along[i]));
        }
    }

    public static TheoryData<string> Spellings => new(FunctionCatalogue.Spellings.Select(s => $"{s.Name}/{s.Arity}").Distinct());

    /// <summary>A spelling the generator accepts must be a method the user's own loss can call, and the other way round.</summary>
    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_spelling_is_a_method_of_its_classes(string nameAndArity)
    {
        var (name, arity) = (nameAndArity.Split('/')[0], int.Parse(nameAndArity.Split('/')[1], CultureInfo.InvariantCulture));
        var spelling = FunctionCatalogue.Spellings.Single(s => s.Name == name && s.Arity == arity);
        foreach (var (scope, type) in new[] { (FunctionScope.Math, typeof(Math)), (FunctionScope.Math, typeof(double)), (FunctionScope.Dsl, typeof(Dsl)) })
        {
            var exists = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Any(m => m.Name == name && m.GetParameters().Length == arity && m.GetParameters().All(p => p.ParameterType == typeof(double)));
            Assert.True(exists == spelling.Scope.HasFlag(scope), $"{type.Name}.{name} with {arity} double argument(s): exists {exists}, catalogue scope {spelling.Scope}");
        }
    }

    [Fact]
    public void Every_Dsl_function_of_doubles_is_in_the_catalogue()
    {
        var helpers = typeof(Dsl).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(double) && m.GetParameters().All(p => p.ParameterType == typeof(double)));
        foreach (var m in helpers)
            Assert.Contains(FunctionCatalogue.Spellings, s => s.Name == m.Name && s.Arity == m.GetParameters().Length && s.Scope.HasFlag(FunctionScope.Dsl));
    }
}
