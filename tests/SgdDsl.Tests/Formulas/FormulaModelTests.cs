using SgdDsl.Formulas;
using ProductModel = SgdDsl.Cli.BuiltIn.ProductModel;

namespace SgdDsl.Tests.Formulas;

/// <summary>A loss typed as text behaves exactly like the compiled [SgdModel] of the same loss.</summary>
public class FormulaModelTests
{
    [Fact]
    public void Same_values_and_derivatives_as_the_compiled_model_of_the_same_loss()
    {
        var formula = FormulaModel.Create("0.5*(a*b*x - y)^2", ["a", "b"]);
        var compiled = ProductModel.Model;
        var random = new Random(11);
        for (var trial = 0; trial < 20; trial++)
        {
            double[] theta = [random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2];
            double[] sample = [random.NextDouble() * 3, random.NextDouble() * 3 - 1];
            double[] v = [random.NextDouble() - 0.5, random.NextDouble() - 0.5];
            // Both evaluate the same canonical expressions, possibly grouped differently: agreement to rounding.
            const double tolerance = 1e-12;
            Assert.Equal(compiled.Value(theta, sample), formula.Value(theta, sample), tolerance);
            double[] g1 = new double[2], g2 = new double[2], h1 = new double[4], h2 = new double[4], r1 = new double[2], r2 = new double[2];
            Assert.Equal(compiled.Gradient(theta, sample, g1), formula.Gradient(theta, sample, g2), tolerance);
            compiled.Hessian(theta, sample, h1);
            formula.Hessian(theta, sample, h2);
            compiled.HessianVectorProduct(theta, sample, v, r1);
            formula.HessianVectorProduct(theta, sample, v, r2);
            for (var i = 0; i < 2; i++) Assert.Equal(g1[i], g2[i], tolerance);
            for (var i = 0; i < 4; i++) Assert.Equal(h1[i], h2[i], tolerance);
            for (var i = 0; i < 2; i++) Assert.Equal(r1[i], r2[i], tolerance);
        }
    }

    /// <summary>
    /// The run-time compiler evaluates each function as the engine's catalogue defines it. Central
    /// differences with h = 1e-6 err by O(h²·f‴) ≈ 1e-12 plus roundoff ε·|ℓ|/h ≈ 1e-9 here; 1e-7 leaves a
    /// wide margin, and a wrong derivative is off by O(1).
    /// </summary>
    [Fact]
    public void Every_new_function_compiles_at_run_time_with_derivatives_that_match_central_differences()
    {
        var model = FormulaModel.Create(
            "cosh(a*x) + sinh(b)*a + asinh(a*b - y) + acosh(1 + a^2 + x^2) + atanh(0.5*tanh(a*x)) + asin(0.5*b)*a + acos(0.3*a*b)" +
            " + log10(1 + a^2) + log2(2 + b*x)*a + cbrt(a + 2)*b + log(cosh(a - b*y))", ["a", "b"]);
        double[] theta = [0.7, -0.4], sample = [1.3, 0.6];
        const double h = 1e-6, tolerance = 1e-7;
        var gradient = new double[2];
        model.Gradient(theta, sample, gradient);
        var hessian = new double[4];
        model.Hessian(theta, sample, hessian);
        for (var j = 0; j < 2; j++)
        {
            double[] plus = [.. theta], minus = [.. theta];
            plus[j] += h;
            minus[j] -= h;
            Assert.Equal((model.Value(plus, sample) - model.Value(minus, sample)) / (2 * h), gradient[j], tolerance);
            double[] gPlus = new double[2], gMinus = new double[2];
            model.Gradient(plus, sample, gPlus);
            model.Gradient(minus, sample, gMinus);
            for (var i = 0; i < 2; i++) Assert.Equal((gPlus[i] - gMinus[i]) / (2 * h), hessian[2 * i + j], tolerance);
        }
    }

    [Fact]
    public void Data_columns_are_the_other_identifiers_in_order_of_appearance()
    {
        var model = FormulaModel.Create("sq(w*u + c - t) + 0.1*sigmoid(w*c)", ["w"]);
        Assert.Equal(["w"], model.ParameterNames);
        Assert.Equal(["u", "c", "t"], model.SampleNames);
        Assert.Equal(1, model.ParameterCount);
        Assert.Equal(3, model.SampleWidth);
    }

    [Fact]
    public void Analysis_of_a_formula_model_matches_the_compiled_model()
    {
        var data = Dataset.FromRows([[0.9, 0.9], [2.5, 2.5]]);
        var options = new StabilityOptions { LearningRate = 0.15, BatchSize = 1 };
        var fromFormula = Stability.Analyze(FormulaModel.Create("0.5*(a*b*x - y)^2", ["a", "b"]), data, [0.5, 2], options);
        var fromCompiled = Stability.Analyze(ProductModel.Model, data, [0.5, 2], options);
        Assert.Equal(fromCompiled.Mu, fromFormula.Mu, 1e-12);
        Assert.Equal(fromCompiled.Lambda, fromFormula.Lambda, 1e-12);
        Assert.Equal(fromCompiled.SgdVerdict, fromFormula.SgdVerdict);
    }

    [Fact]
    public void The_squared_residual_form_is_recognized_with_its_target()
    {
        var form = FormulaModel.Create("3*(y - tanh(a*x))^2", ["a"]).SquaredResidual;
        Assert.NotNull(form);
        Assert.Equal(3.0, form.Scale);
        Assert.Equal(0, form.TargetIndex); // columns in order of appearance: y, x
        var gradient = new double[1];
        var f = form.OutputGradient([0.7], [0.0, 2.0], gradient);
        Assert.Equal(Math.Tanh(1.4), f, 1e-15);
        // d/da tanh(a x) = x (1 − tanh² (a x)).
        Assert.Equal(2.0 * (1 - Math.Tanh(1.4) * Math.Tanh(1.4)), gradient[0], 1e-14);
        Assert.Null(FormulaModel.Create("softplus(-y*a*x)", ["a"]).SquaredResidual);
    }

    [Theory]
    [InlineData("0.5*(a*b*x - y", "a,b", typeof(FormatException), "position")]
    [InlineData("1e400*(a*x - y)^2", "a", typeof(FormatException), "number '1e400' is too large for a double (at most about 1.8e308) at position 1 of \"1e400*(a*x - y)^2\"")]
    [InlineData("(a*x - y)^2/0", "a", typeof(FormatException), "division by zero at position 12 of \"(a*x - y)^2/0\"")]
    [InlineData("log(0)*(a*x - y)^2", "a", typeof(FormatException), "'log(0)' is -∞, not a finite number at position 1")]
    [InlineData("0.5*(a*x - y)^2", "a,b", typeof(ArgumentException), "'b'")]
    [InlineData("0.5*(a*x - y)^2", "a,a", typeof(ArgumentException), "twice")]
    [InlineData("0.5*(a*x - y)^2", "", typeof(ArgumentException), "at least one")]
    public void Bad_formulas_and_parameters_are_rejected_with_a_reason(string loss, string parameters, Type exception, string reason)
    {
        var names = parameters.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var e = Assert.Throws(exception, () => FormulaModel.Create(loss, names));
        Assert.Contains(reason, e.Message);
    }
}
