using System.Numerics;
using BenchmarkDotNet.Attributes;
using SgdDsl.Benchmarks.Models;

namespace SgdDsl.Benchmarks;

/// <summary>
/// Issue 13 §1: one full-batch GD step of <see cref="Training.Run"/> on <see cref="MnistTwoLayerTanh"/> (d = 100,480)
/// with N = 1,000 teacher-labelled samples, on 1 and 2 threads, against the same work written by hand on one thread:
/// N generated Gradients summed at θ₀, the update, and N more at θ₁ (Run evaluates L(θ₁) for its stopping rule, so
/// <c>MaxSteps = 1</c> is two full-batch passes and one update). The results are checked to agree.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class TrainingStepBenchmarks
{
    private const int N = 1000;
    private const double Eta = 0.05;
    private readonly ILossModel _model = MnistTwoLayerTanh.Model;
    private Dataset _data = null!;
    private double[] _start = [];
    private double[] _sum = [];
    private double[] _gradient = [];
    private double[] _theta = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = TeacherProblem.Build(_model, MnistTwoLayerTanh.D, N, seed: 2025, minimize: false).Data;
        _start = Initialization.Normal(_model, seed: 1);
        var d = _model.ParameterCount;
        (_sum, _gradient, _theta) = (new double[d], new double[d], new double[d]);
        var hand = HandStep();
        var run = Step(1);
        var two = Step(2);
        if (Math.Abs(hand - run) > 1e-12 * Math.Abs(hand) || BitConverter.DoubleToInt64Bits(run) != BitConverter.DoubleToInt64Bits(two))
            throw new InvalidOperationException($"L(θ₁): hand-written {hand:R}, Run on 1 thread {run:R}, on 2 threads {two:R}.");
    }

    [Benchmark(Baseline = true, Description = "GD step by hand: 2 × N generated Gradients, 1 thread")]
    public double HandStep()
    {
        _start.CopyTo(_theta, 0);
        Pass();
        var scale = Eta / N;
        for (var k = 0; k < _theta.Length; k++)
            _theta[k] -= scale * _sum[k];
        return Pass() / N;
    }

    [Benchmark(Description = "Training.Run, MaxSteps = 1, 1 thread")]
    public double RunOneThread() => Step(1);

    [Benchmark(Description = "Training.Run, MaxSteps = 1, 2 threads")]
    public double RunTwoThreads() => Step(2);

    private double Step(int threads) => Training.Run(_model, _data, _start, new TrainingOptions
    {
        Method = TrainingMethod.GD, LearningRate = Eta, MaxSteps = 1, LossTarget = 0, MaxDegreeOfParallelism = threads,
    }).EndLoss;

    /// <summary>Σ_i ∇ℓ_i(θ) into _sum with a vectorized accumulation; returns Σ_i ℓ_i.</summary>
    private double Pass()
    {
        Array.Clear(_sum);
        var loss = 0.0;
        var w = Vector<double>.Count;
        for (var i = 0; i < N; i++)
        {
            loss += _model.Gradient(_theta, _data[i], _gradient);
            var k = 0;
            for (; k + w <= _sum.Length; k += w)
                (new Vector<double>(_sum, k) + new Vector<double>(_gradient, k)).CopyTo(_sum, k);
            for (; k < _sum.Length; k++)
                _sum[k] += _gradient[k];
        }
        return loss;
    }
}
