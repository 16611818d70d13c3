using BenchmarkDotNet.Attributes;
using SgdDsl.Benchmarks.Models;

namespace SgdDsl.Benchmarks;

/// <summary>
/// The cheap-gradient principle at the sizes users study: the generated Value, Gradient and HVP of the 784–128–10
/// multi-output MLP and of the 64–500–500–1 two-layer net against hand-written forward passes and backpropagation
/// (<see cref="HandWrittenNetworks"/>), measured in the same run. Baselines are checked to compute the same numbers.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class NetworkBenchmarks
{
    private readonly Network _mlp = new(MultiOutputMlp.Model, HandWrittenNetworks.MlpValue, HandWrittenNetworks.MlpGradient, MultiOutputMlp.D, 1);
    private readonly Network _deep = new(TwoHiddenLayers.Model, HandWrittenNetworks.TwoLayerValue, HandWrittenNetworks.TwoLayerGradient, TwoHiddenLayers.D, 2);

    [GlobalSetup]
    public void Setup()
    {
        _mlp.Check();
        _mlp.CheckJacobian(HandWrittenNetworks.MlpOutputGradient);
        _deep.Check();
    }

    [Benchmark(Description = "MLP 784-128-10: hand-written forward")]
    public double MlpHandValue() => _mlp.HandValue();

    [Benchmark(Description = "MLP 784-128-10: generated Value")]
    public double MlpValue() => _mlp.Value();

    [Benchmark(Description = "MLP 784-128-10: hand-written backprop")]
    public double MlpHandGradient() => _mlp.HandGradient();

    [Benchmark(Description = "MLP 784-128-10: generated Gradient")]
    public double MlpGradient() => _mlp.Gradient();

    [Benchmark(Description = "MLP 784-128-10: generated HVP")]
    public double MlpHvp() => _mlp.Hvp();

    [Benchmark(Description = "MLP 784-128-10: K = 10 hand-written output gradients")]
    public double MlpHandJacobian() => _mlp.HandJacobian();

    [Benchmark(Description = "MLP 784-128-10: generated OutputJacobian")]
    public double MlpJacobian() => _mlp.Jacobian();

    [Benchmark(Description = "64-500-500-1: hand-written forward")]
    public double DeepHandValue() => _deep.HandValue();

    [Benchmark(Description = "64-500-500-1: generated Value")]
    public double DeepValue() => _deep.Value();

    [Benchmark(Description = "64-500-500-1: hand-written backprop")]
    public double DeepHandGradient() => _deep.HandGradient();

    [Benchmark(Description = "64-500-500-1: generated Gradient")]
    public double DeepGradient() => _deep.Gradient();

    [Benchmark(Description = "64-500-500-1: generated HVP")]
    public double DeepHvp() => _deep.Hvp();
}
