using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// ℓ = c·(f − y)²: recognized however the square is written, with c and the target's position, and
/// at an interpolating point the generated Hessian is exactly 2c·∇f ∇fᵀ (THEORY.md).
/// </summary>
public class SquaredResidualTests
{
    public static TheoryData<string, double, int> SquaredLosses => new()
    {
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * Sq(a * b * x - y);", 0.5, 1 },
        { "[Loss] static double Loss([Param] double a, [Param] double b, double y, double x) => 3 * Math.Pow(Tanh(a * x) * b - y, 2);", 3.0, 0 },
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) { var f = Exp(a * x) + b; return (y - f) * (y - f) / 4; }", 0.25, 1 },
        // The commonest spellings of ½r², whatever the association.
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) { var r = a * b * x - y; return 0.5 * r * r; }", 0.5, 1 },
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * (a * b * x - y) * (a * b * x - y);", 0.5, 1 },
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * (y - a * b * x) * (a * b * x - y) * -1;", 0.5, 1 },
        {
            """
            const int H = 3, D = 2;
            [Loss]
            static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
                => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
            """, 0.5, 2
        },
    };

    private static ILossModel Build(string members) => GeneratorHarness.BuildCase(members);

    [Theory]
    [MemberData(nameof(SquaredLosses))]
    public void Recognizes_the_form_with_its_constant_and_target(string members, double scale, int target)
    {
        var form = Build(members).SquaredResidual;
        Assert.NotNull(form);
        Assert.Equal(scale, form.Scale);
        Assert.Equal(target, form.TargetIndex);
    }

    [Theory]
    [MemberData(nameof(SquaredLosses))]
    public void Output_gradient_matches_central_differences_and_the_loss_is_c_times_the_squared_residual(string members, double scale, int target)
    {
        var model = Build(members);
        var form = model.SquaredResidual!;
        var random = new Random(3);
        var theta = Enumerable.Range(0, model.ParameterCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var sample = Enumerable.Range(0, model.SampleWidth).Select(_ => random.NextDouble() + 0.2).ToArray();

        var gradient = new double[model.ParameterCount];
        var f = form.OutputGradient(theta, sample, gradient);
        Assert.Equal(form.Output(theta, sample), f);
        var residual = f - sample[target];
        Assert.Equal(scale * residual * residual, model.Value(theta, sample), 1e-12 * Math.Max(1, model.Value(theta, sample)));
        var expected = FiniteDifferences.Gradient(t => form.Output(t, sample), theta);
        for (var i = 0; i < gradient.Length; i++)
            Assert.Equal(expected[i], gradient[i], FiniteDifferences.Tolerance(expected[i]));
    }

    [Theory]
    [MemberData(nameof(SquaredLosses))]
    public void At_an_interpolating_point_the_hessian_is_2c_grad_f_grad_f_transposed(string members, double scale, int target)
    {
        var model = Build(members);
        var form = model.SquaredResidual!;
        var d = model.ParameterCount;
        var random = new Random(5);
        var theta = Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray();
        var sample = Enumerable.Range(0, model.SampleWidth).Select(_ => random.NextDouble() + 0.2).ToArray();
        sample[target] = form.Output(theta, sample); // interpolation: f = y, so ℓ = 0

        var g = new double[d];
        form.OutputGradient(theta, sample, g);
        var hessian = new double[d * d];
        model.Hessian(theta, sample, hessian);
        Assert.Equal(0.0, model.Value(theta, sample));
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
                // The residual term (f − y)·∇²f vanishes exactly; what is left agrees to rounding.
                Assert.Equal(2 * scale * g[i] * g[j], hessian[i * d + j], 1e-12 * (1 + Math.Abs(2 * scale * g[i] * g[j])));
    }

    [Theory]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => Sq(a * x - y) + 0.1 * Sq(a);")]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => Sq(a * x * y - y);")]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => -Sq(a * x - y);")]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => Sq(a * x - 2 * y);")]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => Softplus(-y * a * x);")]
    public void Other_losses_have_no_squared_residual_form(string members) =>
        Assert.Null(Build(members).SquaredResidual);
}

/// <summary>
/// ℓ = c·Σ_k (f_k − y[k])² with a data vector y: the vector form, with K outputs and their targets; the generated
/// Jacobian agrees with central differences of the outputs, and at an interpolating point the Hessian is 2c·JᵀJ.
/// </summary>
public class VectorSquaredResidualTests
{
    public static TheoryData<string, double, int, int> VectorLosses => new()
    {
        {
            // Several outputs sharing one hidden layer.
            """
            const int K = 3, H = 4, D = 2;
            [Loss]
            static double Loss([Param(H, D)] double[,] W, [Param(K, H)] double[,] V, [Data(D)] double[] x, [Data(K)] double[] y)
                => 0.5 * Sum(K, c => Sq(Sum(H, j => V[c, j] * Math.Tanh(Sum(D, k => W[j, k] * x[k]))) - y[c]));
            """, 0.5, 3, 2
        },
        {
            // The target first, the square written as a product, a scalar parameter, c = 2.
            """
            const int K = 2, D = 3;
            [Loss]
            static double Loss([Param] double b, [Param(K, D)] double[,] A, [Data(K)] double[] y, [Data(D)] double[] x)
                => 2 * Sum(K, c => (y[c] - Sum(D, j => A[c, j] * x[j]) - b) * (y[c] - Sum(D, j => A[c, j] * x[j]) - b));
            """, 2.0, 2, 0
        },
    };

    private static ILossModel Build(string members) => GeneratorHarness.BuildCase(members);

    private static (double[] Theta, double[] Sample) Point(ILossModel model, int seed)
    {
        var random = new Random(seed);
        return (Enumerable.Range(0, model.ParameterCount).Select(_ => random.NextDouble() - 0.5).ToArray(),
                Enumerable.Range(0, model.SampleWidth).Select(_ => random.NextDouble() + 0.2).ToArray());
    }

    [Theory]
    [MemberData(nameof(VectorLosses))]
    public void Recognizes_K_outputs_with_their_constant_and_targets(string members, double scale, int outputs, int firstTarget)
    {
        var form = Build(members).SquaredResidual;
        Assert.NotNull(form);
        Assert.Equal(scale, form.Scale);
        Assert.Equal(outputs, form.OutputCount);
        Assert.Equal(Enumerable.Range(firstTarget, outputs), form.TargetIndices);
        Assert.Throws<InvalidOperationException>(() => form.Output(new double[Build(members).ParameterCount], new double[Build(members).SampleWidth]));
    }

    [Theory]
    [MemberData(nameof(VectorLosses))]
    public void Jacobian_matches_central_differences_and_the_loss_is_c_times_the_squared_residuals(string members, double scale, int outputs, int firstTarget)
    {
        var model = Build(members);
        var form = model.SquaredResidual!;
        var d = model.ParameterCount;
        var (theta, sample) = Point(model, 3);
        var f = new double[outputs];
        form.Outputs(theta, sample, f);
        var loss = scale * Enumerable.Range(0, outputs).Sum(k => (f[k] - sample[firstTarget + k]) * (f[k] - sample[firstTarget + k]));
        Assert.Equal(loss, model.Value(theta, sample), 1e-12 * Math.Max(1, loss));
        var jacobian = new double[outputs * d];
        form.OutputJacobian(theta, sample, jacobian);
        for (var k = 0; k < outputs; k++)
        {
            var row = k;
            var expected = FiniteDifferences.Gradient(t => { var o = new double[outputs]; form.Outputs(t, sample, o); return o[row]; }, theta);
            for (var j = 0; j < d; j++)
                Assert.Equal(expected[j], jacobian[k * d + j], FiniteDifferences.Tolerance(expected[j]));
        }
    }

    [Theory]
    [MemberData(nameof(VectorLosses))]
    public void At_an_interpolating_point_the_hessian_is_2c_J_transposed_J(string members, double scale, int outputs, int firstTarget)
    {
        var model = Build(members);
        var form = model.SquaredResidual!;
        var d = model.ParameterCount;
        var (theta, sample) = Point(model, 5);
        var f = new double[outputs];
        form.Outputs(theta, sample, f);
        f.CopyTo(sample, firstTarget); // interpolation: f = y, so ℓ = 0
        var jacobian = new double[outputs * d];
        form.OutputJacobian(theta, sample, jacobian);
        var hessian = new double[d * d];
        model.Hessian(theta, sample, hessian);
        Assert.Equal(0.0, model.Value(theta, sample));
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
            {
                var expected = 2 * scale * Enumerable.Range(0, outputs).Sum(k => jacobian[k * d + i] * jacobian[k * d + j]);
                Assert.Equal(expected, hessian[i * d + j], 1e-12 * (1 + Math.Abs(expected)));
            }
    }
}

/// <summary>
/// ℓ = φ(f − y) with φ(0) = φ'(0) = 0 &lt; φ''(0): recognized with c = φ''(0)/2, and at an interpolating point the
/// generated Hessian is exactly φ''(0)·∇f ∇fᵀ.
/// </summary>
public class GeneralizedResidualTests
{
    public static TheoryData<string, double> Losses => new()
    {
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => LogCosh(a * b * x - y);", 1.0 },
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => Math.Log(Math.Cosh(y - Tanh(a * x) * b));", 1.0 },
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => Math.Sqrt(1 + Sq(a * b * x - y)) - 1;", 1.0 },
        { "[Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => 3 * (Math.Sqrt(0.25 + Sq(a * b * x - y)) - 0.5);", 6.0 },
    };

    private static ILossModel Build(string members) => GeneratorHarness.BuildCase(members);

    [Theory]
    [MemberData(nameof(Losses))]
    public void The_hessian_at_an_interpolating_point_is_phi_second_derivative_times_grad_f_grad_f(string members, double curvature)
    {
        var model = Build(members);
        var form = model.SquaredResidual;
        Assert.NotNull(form);
        Assert.Equal(curvature, form.Curvature, 1e-12);
        var d = model.ParameterCount;
        double[] theta = [0.7, -0.4];
        double[] sample = [0.9, 0.0];
        sample[1] = form.Output(theta, sample);
        var g = new double[d];
        form.OutputGradient(theta, sample, g);
        var hessian = new double[d * d];
        model.Hessian(theta, sample, hessian);
        Assert.Equal(0.0, model.Value(theta, sample), 1e-15);
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
                Assert.Equal(curvature * g[i] * g[j], hessian[i * d + j], 1e-12 * (1 + Math.Abs(curvature * g[i] * g[j])));
    }

    [Theory]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => Math.Cosh(a * x - y);")]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => Math.Sqrt(1 + Sq(a * x - y));")]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => Math.Pow(a * x - y, 4);")]
    [InlineData("[Loss] static double Loss([Param] double a, double x, double y) => LogCosh(a * x - y) + 0.1 * Sq(a);")]
    public void Losses_whose_phi_fails_the_conditions_have_no_form(string members) =>
        // φ(0) = 1 ≠ 0 for cosh and √(1 + t²); φ''(0) = 0 for t⁴; a penalty on a is not a function of f − y alone.
        Assert.Null(Build(members).SquaredResidual);
}
