using System.Reflection;
using SgdDsl.Generators.Tests.Infrastructure;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// Generated derivatives checked against the user's own loss and against finite differences, for
/// losses that together use every supported construct.
/// </summary>
public class GeneratedCodeTests
{
    public static TheoryData<string> Losses => new()
    {
        "0.5 * Sq(a * b * x - y)",
        "Math.Exp(a * x) + double.Log(1 + b * b) - Math.Sqrt(a * a + y)",
        "Math.Pow(a, 3) * x + Math.Pow(1 + b * b, y) + Cube(a - b)",
        "Math.Sin(a * x) * Math.Cos(b) + Math.Tan(0.3 * a) + Math.Atan(b * y)",
        "Math.Tanh(a * x + b) / (1 + a * a) - Tanh(b)",
        "Sigmoid(a * x) * Softplus(b - y) + LogCosh(a * b - y)",
        "Exp(a) * Log(2 + b * b) + Sqrt(1 + a * a) + Pow(b, 2) + Sin(a) + Cos(b) + Tan(0.1 * b) + Atan(a)",
        "Math.Log(1 + a * a, 2.0) + 1 / 2 * a + Scale * b + (double)(3 / 2) * a * b",
        "-(a - x) * -(b + y) + +a",
        "Math.Cosh(a * x) + Math.Sinh(b) * a + Math.Asinh(a * b - y) + Math.Acosh(1 + a * a + x * x)",
        "Math.Atanh(0.5 * Math.Tanh(a * x)) + Math.Asin(0.5 * b) * a + Math.Acos(0.3 * a * b)",
        "Math.Log10(1 + a * a) + Math.Log2(2 + b * x) * a + Math.Cbrt(a + 2) * b + Math.Log(Math.Cosh(a - b * y))",
        "double.Cosh(a) * double.Log10(2 + b * b) + double.Cbrt(1 + a * a) + double.Asinh(b) + double.Acos(0.2 * a * b)",
        "Cosh(a) + Sinh(b) * a + Asinh(a * b) + Acosh(2 + b * b) + Atanh(0.5 * b) + Asin(0.3 * a) + Acos(0.2 * b) + Log10(1 + a * a) + Log2(3 + b) + Cbrt(a + 2) * b",
    };

    private const double A = 0.7, B = -0.4, X = 1.3, Y = 0.6;

    private static (ILossModel Model, MethodInfo UserLoss) Build(string body)
    {
        var source = GeneratorHarness.Usings + $$"""
            namespace Cases;
            [SgdModel]
            public static partial class Case
            {
                const double Scale = 2.5;

                [Loss]
                static double Loss([Param] double a, [Param] double b, double x, double y)
                {
                    var unused = a;
                    return {{body}};
                }
            }
            """;
        var type = GeneratorHarness.Load(source, "Cases.Case");
        return (GeneratorHarness.ModelOf(type), type.GetMethod("Loss", BindingFlags.NonPublic | BindingFlags.Static)!);
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Value_agrees_with_the_users_own_loss_method(string body)
    {
        var (model, loss) = Build(body);
        var expected = (double)loss.Invoke(null, [A, B, X, Y])!;
        // Canonical simplification reorders floating-point operations: agreement to rounding, not bits.
        Assert.Equal(expected, model.Value([A, B], [X, Y]), 1e-12 * Math.Max(1, Math.Abs(expected)));
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Gradient_matches_central_differences_and_returns_the_value(string body)
    {
        var (model, _) = Build(body);
        var gradient = new double[2];
        var value = model.Gradient([A, B], [X, Y], gradient);
        Assert.Equal(model.Value([A, B], [X, Y]), value, 1e-14 * Math.Max(1, Math.Abs(value)));
        var expected = FiniteDifferences.Gradient(t => model.Value(t, [X, Y]), [A, B]);
        for (var i = 0; i < 2; i++)
            Assert.Equal(expected[i], gradient[i], FiniteDifferences.Tolerance(expected[i]));
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Hessian_is_symmetric_and_matches_differences_of_the_gradient(string body)
    {
        var (model, _) = Build(body);
        var hessian = new double[4];
        model.Hessian([A, B], [X, Y], hessian);
        Assert.Equal(hessian[1], hessian[2]);
        for (var j = 0; j < 2; j++)
        {
            var column = FiniteDifferences.Partial(t =>
            {
                var g = new double[2];
                model.Gradient(t, [X, Y], g);
                return g;
            }, [A, B], j);
            for (var i = 0; i < 2; i++)
                Assert.Equal(column[i], hessian[i * 2 + j], FiniteDifferences.Tolerance(column[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Hessian_vector_product_equals_the_hessian_times_the_vector(string body)
    {
        var (model, _) = Build(body);
        var hessian = new double[4];
        model.Hessian([A, B], [X, Y], hessian);
        double[] v = [0.3, -1.7];
        var result = new double[2];
        model.HessianVectorProduct([A, B], [X, Y], v, result);
        for (var i = 0; i < 2; i++)
        {
            var expected = hessian[2 * i] * v[0] + hessian[2 * i + 1] * v[1];
            // Same exact formulas, summed in another order: agreement to rounding.
            Assert.Equal(expected, result[i], 1e-12 * (1 + Math.Abs(hessian[2 * i] * v[0]) + Math.Abs(hessian[2 * i + 1] * v[1])));
        }
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Formulas_parse_back_to_the_generated_values(string body)
    {
        var (model, _) = Build(body);
        var point = new Dictionary<string, double> { ["a"] = A, ["b"] = B, ["x"] = X, ["y"] = Y };
        var value = Evaluator.Evaluate(InfixParser.Parse(model.LossFormula), point);
        Assert.Equal(model.Value([A, B], [X, Y]), value, 1e-12 * Math.Max(1, Math.Abs(value)));
        var gradient = new double[2];
        model.Gradient([A, B], [X, Y], gradient);
        for (var i = 0; i < 2; i++)
        {
            var g = Evaluator.Evaluate(InfixParser.Parse(model.GradientFormulas[i]), point);
            Assert.Equal(gradient[i], g, 1e-12 * Math.Max(1, Math.Abs(g)));
        }

        Assert.False(string.IsNullOrWhiteSpace(model.LossFormulaLatex));
        Assert.Equal(2, model.GradientFormulasLatex.Count);
    }

    [Fact]
    public void Integer_division_in_constants_follows_csharp_not_real_arithmetic()
    {
        // 1 / 2 is 0 in C#; the generated loss must agree with the method the user wrote.
        var (model, _) = Build("1 / 2 * a + b");
        Assert.Equal(B, model.Value([A, B], [X, Y]));
    }

    [Fact]
    public void Shape_members_describe_parameters_and_data_in_declaration_order()
    {
        var (model, _) = Build("a * b * x * y");
        Assert.Equal("Case", model.Name);
        Assert.Equal(2, model.ParameterCount);
        Assert.Equal(2, model.SampleWidth);
        Assert.Equal(["a", "b"], model.ParameterNames);
        Assert.Equal(["x", "y"], model.SampleNames);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)model.ParameterNames).Add("c"));
    }

    [Fact]
    public void Wrong_span_lengths_throw_naming_the_argument()
    {
        var (model, _) = Build("a * b * x * y");
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => model.Value([1.0], [X, Y])).ParamName);
        Assert.Equal("sample", Assert.Throws<ArgumentException>(() => model.Value([A, B], [X])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => model.Gradient([A, B], [X, Y], new double[3])).ParamName);
        Assert.Equal("hessian", Assert.Throws<ArgumentException>(() => model.Hessian([A, B], [X, Y], new double[2])).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => model.HessianVectorProduct([A, B], [X, Y], new double[1], new double[2])).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentException>(() => model.HessianVectorProduct([A, B], [X, Y], new double[2], new double[1])).ParamName);
    }

    [Fact]
    public void Derivative_calls_do_not_allocate()
    {
        var (model, _) = Build("Sigmoid(a * x) * Softplus(b - y) + 0.5 * Sq(a * b * x - y)");
        Assert.Equal(0, Allocations.OfDerivativeCalls(model, [A, B], [X, Y], 1000));
    }

    [Fact]
    public void Parameter_names_that_clash_with_method_arguments_or_keywords_still_compile()
    {
        var source = GeneratorHarness.Usings + """
            [SgdModel]
            public partial class Clash
            {
                [Loss]
                static double Loss([Param] double v, [Param] double @double, double t0, double result)
                    => Sq(v * @double * t0 - result) + Sq(v - t0);
            }
            """;
        var model = GeneratorHarness.ModelOf(GeneratorHarness.Load(source, "Clash"));
        var gradient = new double[2];
        model.Gradient([2, 3], [0.5, 1], gradient);
        // ∂/∂v = 2(v·d·t0 − r)·d·t0 + 2(v − t0) = 2·2·1.5 + 3 = 9; ∂/∂d = 2(v·d·t0 − r)·v·t0 = 2·2·1 = 4.
        Assert.Equal([9.0, 4.0], gradient);
    }

    [Fact]
    public void Array_names_that_clash_with_table_row_and_output_block_names_still_compile_and_agree()
    {
        // The user's names keep theirs; the writer's own names move aside.
        string Net(string w, string v, string x) => GeneratorHarness.Usings + $$"""
            [SgdModel]
            public partial class Net
            {
                [Loss]
                static double Loss([Param(3, 2)] double[,] {{w}}, [Param(3)] double[] {{v}}, [Data(2)] double[] {{x}}, double y)
                    => 0.5 * Sq(Sum(3, j => {{v}}[j] * Tanh(Sum(2, k => {{w}}[j, k] * {{x}}[k]))) - y);
            }
            """;
        var plain = GeneratorHarness.ModelOf(GeneratorHarness.Load(Net("W", "u", "x"), "Net"));
        double[] theta = [0.3, -0.2, 0.5, 0.1, -0.4, 0.7, 0.9, -0.6, 0.2], sample = [0.8, -1.1, 0.25], v = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        // tanh0, sum0, row0 are table and row stems; dW and hv_W the names of W's share of the gradient and of H·v.
        foreach (var names in new[] { ("tanh0", "sum0", "row0"), ("W", "dW", "hv_W") })
        {
            var clashing = GeneratorHarness.ModelOf(GeneratorHarness.Load(Net(names.Item1, names.Item2, names.Item3), "Net"));
            var (g1, g2, h1, h2) = (new double[9], new double[9], new double[9], new double[9]);
            Assert.Equal(plain.Gradient(theta, sample, g1), clashing.Gradient(theta, sample, g2));
            Assert.Equal(g1, g2);
            Assert.Contains(g1, g => g != 0);
            plain.HessianVectorProduct(theta, sample, v, h1);
            clashing.HessianVectorProduct(theta, sample, v, h2);
            Assert.Equal(h1, h2);
        }
    }
}
