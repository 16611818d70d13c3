using static SgdDsl.Dsl;

namespace SgdDsl.Tests.Models;

/// <summary>f(x) = Σ_j v_j tanh(Σ_k W_jk x_k) with ℓ = ½(f − y)²; θ = (W row-major, v), d = H·D + H = 30.</summary>
[SgdModel]
public static partial class SmallTanhNet
{
    public const int H = 6, D = 4;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}

/// <summary>The same network with ℓ = log cosh(f − y): a generalized residual form (c = φ''(0)/2 = ½), not c·r².</summary>
[SgdModel]
public static partial class LogCoshTanhNet
{
    public const int H = 6, D = 4;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => LogCosh(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}

/// <summary>The squared-loss network with H = 30, D = 8: d = 270, above <see cref="MinimizeOptions.DenseLimit"/>.</summary>
[SgdModel]
public static partial class MediumTanhNet
{
    public const int H = 30, D = 8;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}

/// <summary>The squared-loss network with H = 100, D = 199: d = 20,000, where a d×d matrix of doubles is 3.2 GB.</summary>
[SgdModel]
public static partial class WideTanhNet
{
    public const int H = 100, D = 199;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}

/// <summary>
/// A teacher–student problem for the networks above: weights ~ N(0, 1/fan-in), N inputs ~ N(0, 1) labelled by the
/// teacher (so the teacher is a zero-loss point), and a student start with every weight moved by 1% of its scale.
/// </summary>
public static class TeacherStudent
{
    public static (Dataset Data, double[] Teacher, double[] Start) Build(ILossModel model, int inputs, int n, int seed, double offset = 1e-2)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var d = model.ParameterCount;
        var hidden = d / (inputs + 1);
        double Scale(int i) => 1 / Math.Sqrt(i < hidden * inputs ? inputs : hidden);
        var teacher = Enumerable.Range(0, d).Select(i => Gaussian() * Scale(i)).ToArray();
        var form = model.SquaredResidual ?? throw new ArgumentException("The teacher labels need the residual form.", nameof(model));
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var row = new double[model.SampleWidth];
            for (var k = 0; k < inputs; k++) row[k] = Gaussian();
            row[^1] = form.Output(teacher, row);
            rows[i] = row;
        }
        var start = teacher.Select((w, i) => w + offset * Gaussian() * Scale(i)).ToArray();
        return (Dataset.FromRows(rows), teacher, start);
    }
}

/// <summary>A model seen without its squared-residual form, so Minimize must use the Hessian (dense or Newton–CG).</summary>
public sealed class WithoutResidualForm(ILossModel inner) : ILossModel
{
    public string Name => inner.Name;
    public int ParameterCount => inner.ParameterCount;
    public int SampleWidth => inner.SampleWidth;
    public IReadOnlyList<string> ParameterNames => inner.ParameterNames;
    public IReadOnlyList<string> SampleNames => inner.SampleNames;
    public string LossFormula => inner.LossFormula;
    public string LossFormulaLatex => inner.LossFormulaLatex;
    public IReadOnlyList<string> GradientFormulas => inner.GradientFormulas;
    public IReadOnlyList<string> GradientFormulasLatex => inner.GradientFormulasLatex;
    public double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample) => inner.Value(theta, sample);
    public double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient) => inner.Gradient(theta, sample, gradient);
    public void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian) => inner.Hessian(theta, sample, hessian);
    public void HessianVectorProduct(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, ReadOnlySpan<double> v, Span<double> result) =>
        inner.HessianVectorProduct(theta, sample, v, result);
}
