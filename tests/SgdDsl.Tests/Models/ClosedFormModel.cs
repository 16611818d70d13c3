namespace SgdDsl.Tests.Models;

/// <summary>
/// Base of the hand-written test models: derivatives are typed in from closed forms, so the runtime is tested
/// independently of the source generator. The Hessian–vector product goes through the dense Hessian.
/// </summary>
public abstract class ClosedFormModel : ILossModel
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<string> ParameterNames { get; }
    public abstract IReadOnlyList<string> SampleNames { get; }
    public abstract string LossFormula { get; }

    public int ParameterCount => ParameterNames.Count;
    public int SampleWidth => SampleNames.Count;
    public string LossFormulaLatex => LossFormula;
    public IReadOnlyList<string> GradientFormulas => [];
    public IReadOnlyList<string> GradientFormulasLatex => [];

    public abstract double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample);
    public abstract double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient);
    public abstract void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian);

    public void HessianVectorProduct(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, ReadOnlySpan<double> v, Span<double> result)
    {
        var d = ParameterCount;
        Span<double> h = stackalloc double[d * d];
        Hessian(theta, sample, h);
        for (var a = 0; a < d; a++)
        {
            var sum = 0.0;
            for (var b = 0; b < d; b++)
                sum += h[a * d + b] * v[b];
            result[a] = sum;
        }
    }
}
