using BenchmarkDotNet.Attributes;
using SgdDsl.Benchmarks.Models;
using SgdDsl.Formulas;

namespace SgdDsl.Benchmarks;

/// <summary>
/// <see cref="TwoLayerTanh"/> (H = 64, D = 16, d = 1088) typed at run time as a formula with sum(…) and
/// <c>W[64,16], v[64]</c>, against the generated model of the same loss, both called through <see cref="ILossModel"/>
/// at one fixed random point and sample.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class FormulaModelBenchmarks
{
    private const int Seed = 20251;

    /// <summary>The loss of <see cref="TwoLayerTanh"/>, as infix text.</summary>
    public const string Formula = "0.5*(sum(j, 64, v[j]*tanh(sum(k, 16, W[j,k]*x[k]))) - y)^2";

    private readonly ILossModel _generated = TwoLayerTanh.Model;
    private readonly ILossModel _formula = FormulaModel.Create(Formula, ["W[64,16]", "v[64]"]);
    private readonly double[] _theta = new double[TwoLayerTanh.ParameterCount];
    private readonly double[] _sample = new double[TwoLayerTanh.SampleWidth];
    private readonly double[] _direction = new double[TwoLayerTanh.ParameterCount];
    private readonly double[] _gradient = new double[TwoLayerTanh.ParameterCount];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Seed);
        const int weightCount = TwoLayerTanh.H * TwoLayerTanh.D;
        for (var i = 0; i < _theta.Length; i++)
            _theta[i] = (2 * random.NextDouble() - 1) / Math.Sqrt(i < weightCount ? TwoLayerTanh.D : TwoLayerTanh.H);
        for (var i = 0; i < _sample.Length; i++) _sample[i] = 2 * random.NextDouble() - 1;
        for (var i = 0; i < _direction.Length; i++) _direction[i] = 2 * random.NextDouble() - 1;

        // Not a timing: both must compute the same numbers, or the ratio means nothing.
        var expected = new double[_gradient.Length];
        var value = _generated.Gradient(_theta, _sample, expected);
        var formulaValue = _formula.Gradient(_theta, _sample, _gradient);
        var scale = expected.Max(Math.Abs);
        if (Math.Abs(value - formulaValue) > 1e-12 * Math.Abs(value) || expected.Zip(_gradient).Any(p => Math.Abs(p.First - p.Second) > 1e-12 * scale))
            throw new InvalidOperationException("Benchmark inputs disagree: the formula model's gradient differs from the generated one.");
    }

    [Benchmark(Baseline = true, Description = "Generated Value")]
    public double GeneratedValue() => _generated.Value(_theta, _sample);

    [Benchmark(Description = "Formula Value")]
    public double FormulaValue() => _formula.Value(_theta, _sample);

    [Benchmark(Description = "Generated Gradient")]
    public double GeneratedGradient() => _generated.Gradient(_theta, _sample, _gradient);

    [Benchmark(Description = "Formula Gradient")]
    public double FormulaGradient() => _formula.Gradient(_theta, _sample, _gradient);

    [Benchmark(Description = "Generated HessianVectorProduct")]
    public double GeneratedHessianVectorProduct()
    {
        _generated.HessianVectorProduct(_theta, _sample, _direction, _gradient);
        return _gradient[0];
    }

    [Benchmark(Description = "Formula HessianVectorProduct")]
    public double FormulaHessianVectorProduct()
    {
        _formula.HessianVectorProduct(_theta, _sample, _direction, _gradient);
        return _gradient[0];
    }
}
