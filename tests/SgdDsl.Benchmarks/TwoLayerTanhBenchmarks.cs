using BenchmarkDotNet.Attributes;
using SgdDsl.Benchmarks.Models;

namespace SgdDsl.Benchmarks;

/// <summary>
/// The generated derivatives of <see cref="TwoLayerTanh"/> (H = 64, D = 16, d = 1088) against its
/// value and against <see cref="HandWrittenTwoLayerTanh"/>, at one fixed random point and sample.
/// </summary>
// Min next to Mean: on a shared 2-core machine the fastest iteration is the least disturbed one.
[MemoryDiagnoser, MinColumn, MedianColumn]
public class TwoLayerTanhBenchmarks
{
    private const int Seed = 20250;
    private const double GradientTolerance = 1e-12, HessianVectorTolerance = 1e-10;

    private readonly double[] _theta = new double[TwoLayerTanh.ParameterCount];
    private readonly double[] _sample = new double[TwoLayerTanh.SampleWidth];
    private readonly double[] _direction = new double[TwoLayerTanh.ParameterCount];
    private readonly double[] _gradient = new double[TwoLayerTanh.ParameterCount];
    private readonly double[] _product = new double[TwoLayerTanh.ParameterCount];
    private readonly double[] _hessian = new double[TwoLayerTanh.ParameterCount * TwoLayerTanh.ParameterCount];

    [GlobalSetup]
    public void Setup()
    {
        // Weights at the usual 1/√fan-in scale so the tanh units are neither linear nor saturated.
        var random = new Random(Seed);
        const int weightCount = TwoLayerTanh.H * TwoLayerTanh.D;
        for (var i = 0; i < _theta.Length; i++)
            _theta[i] = (2 * random.NextDouble() - 1) / Math.Sqrt(i < weightCount ? TwoLayerTanh.D : TwoLayerTanh.H);
        for (var i = 0; i < _sample.Length; i++)
            _sample[i] = 2 * random.NextDouble() - 1;
        for (var i = 0; i < _direction.Length; i++)
            _direction[i] = 2 * random.NextDouble() - 1;

        CheckBaselineIsTheSameComputation();
        CheckHessianVectorProductAgainstHessian();
    }

    [Benchmark(Baseline = true, Description = "Generated Value")]
    public double GeneratedValue() => TwoLayerTanh.Value(_theta, _sample);

    [Benchmark(Description = "Generated Gradient")]
    public double GeneratedGradient() => TwoLayerTanh.Gradient(_theta, _sample, _gradient);

    [Benchmark(Description = "Generated HessianVectorProduct")]
    public double GeneratedHessianVectorProduct()
    {
        TwoLayerTanh.HessianVectorProduct(_theta, _sample, _direction, _product);
        return _product[0];
    }

    [Benchmark(Description = "Hand-written Value")]
    public double HandWrittenValue() => HandWrittenTwoLayerTanh.Value(_theta, _sample);

    [Benchmark(Description = "Hand-written Gradient")]
    public double HandWrittenGradient() => HandWrittenTwoLayerTanh.Gradient(_theta, _sample, _gradient);

    [Benchmark(Description = "Generated dense Hessian")]
    public double GeneratedHessian()
    {
        TwoLayerTanh.Hessian(_theta, _sample, _hessian);
        return _hessian[0];
    }

    // Not a timing: the baseline must compute the same numbers, or the ratio means nothing.
    private void CheckBaselineIsTheSameComputation()
    {
        var generated = new double[_gradient.Length];
        var handWritten = new double[_gradient.Length];
        var generatedValue = TwoLayerTanh.Gradient(_theta, _sample, generated);
        var handWrittenValue = HandWrittenTwoLayerTanh.Gradient(_theta, _sample, handWritten);
        Require(RelativeDifference(generatedValue, handWrittenValue) <= GradientTolerance,
            $"hand-written loss {handWrittenValue:R} differs from generated {generatedValue:R}");
        Require(RelativeDifference(TwoLayerTanh.Value(_theta, _sample), generatedValue) <= GradientTolerance,
            "generated Value differs from the value returned by generated Gradient");
        Require(RelativeDifference(HandWrittenTwoLayerTanh.Value(_theta, _sample), generatedValue) <= GradientTolerance,
            "hand-written Value differs from generated Value");
        for (var i = 0; i < generated.Length; i++)
            Require(RelativeDifference(generated[i], handWritten[i]) <= GradientTolerance,
                $"gradient[{i}]: hand-written {handWritten[i]:R} differs from generated {generated[i]:R}");
    }

    // HVP and the dense Hessian come from different derivative programs; they must agree on H·v.
    private void CheckHessianVectorProductAgainstHessian()
    {
        var d = TwoLayerTanh.ParameterCount;
        TwoLayerTanh.Hessian(_theta, _sample, _hessian);
        TwoLayerTanh.HessianVectorProduct(_theta, _sample, _direction, _product);
        double worst = 0, scale = 0;
        for (var i = 0; i < d; i++)
        {
            var row = _hessian.AsSpan(i * d, d);
            var dense = 0.0;
            for (var j = 0; j < d; j++)
                dense += row[j] * _direction[j];
            worst = Math.Max(worst, Math.Abs(dense - _product[i]));
            scale = Math.Max(scale, Math.Abs(dense));
        }

        Require(worst <= HessianVectorTolerance * scale,
            $"HessianVectorProduct differs from Hessian·v by {worst:R} (scale {scale:R})");
    }

    private static double RelativeDifference(double a, double b) =>
        a == b ? 0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException("Benchmark inputs disagree: " + message + ".");
    }
}
