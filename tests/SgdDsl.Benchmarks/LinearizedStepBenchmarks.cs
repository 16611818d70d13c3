using BenchmarkDotNet.Attributes;
using SgdDsl.Exponents;
using SgdDsl.Linearizing;

namespace SgdDsl.Benchmarks;

/// <summary>
/// Issue 4 §4: one SGD step of the linearized product v ← A_ξ v, A_ξ = I − η H_ξ, on TwoLayerTanh (d = 1088, N = 64,
/// B = 4, r = 64) at a zero-loss point. The squared-residual path (<see cref="BatchMap.ApplyOnNormalSpace"/>, O(B·r);
/// <see cref="BatchMap.Apply"/> on R^d, O(d·r)) against a dense d×d A_ξ = I − η·mean of the per-sample Hessians from
/// <see cref="ILossModel.Hessian"/>, formed once in setup, times a vector (O(d²)).
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class LinearizedStepBenchmarks
{
    private const int BatchSize = 4;
    private const int EstimatorSteps = 20_000;
    private static readonly int[] Batch = [3, 17, 42, 60];

    private BatchMap _map = null!;
    private double[] _dense = null!;
    private double[] _x = null!, _ax = null!, _y = null!, _ay = null!;
    private int _d;
    private RestrictedHessians _hessians = null!;
    private LambdaSettings _stepSettings = null!;

    [GlobalSetup]
    public void Setup()
    {
        var problem = TeacherProblem.TwoLayerTanh64();
        var eta = 1.0 / problem.Sharpness();
        var linearization = Stability.Linearize(problem.Model, problem.Data, problem.Minimum, new StabilityOptions { LearningRate = eta, BatchSize = BatchSize });
        _map = linearization.Map(Batch);
        _hessians = linearization.Inner.Hessians;
        // One chain of EstimatorSteps measured steps, no transient, no extension: the per-step cost of the estimate.
        _stepSettings = new StabilityOptions
        {
            LearningRate = eta, BatchSize = BatchSize, Chains = 1, BlocksPerChain = 2, Steps = EstimatorSteps, Transient = 0,
            MaxSteps = EstimatorSteps, AlwaysEstimate = true, MaxDegreeOfParallelism = 1,
        }.Lambda();
        _d = linearization.AmbientDimension;
        var r = linearization.NormalDimension;

        // Dense A_ξ = I − (η/B) Σ_{i∈ξ} H_i, H_i the full generated per-sample Hessian (includes the residual term, ≈ 0 here).
        _dense = new double[_d * _d];
        var h = new double[_d * _d];
        foreach (var i in Batch)
        {
            problem.Model.Hessian(problem.Minimum, problem.Data[i], h);
            for (var k = 0; k < h.Length; k++) _dense[k] -= eta / BatchSize * h[k];
        }
        for (var k = 0; k < _d; k++) _dense[k * _d + k] += 1.0;

        var random = new Random(7);
        _x = Enumerable.Range(0, _d).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        _ax = new double[_d];
        _y = Enumerable.Range(0, r).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        _ay = new double[r];

        // Not a timing: the dense product and the map on R^d must be the same linear map.
        var viaMap = new double[_d];
        _map.Apply(_x, viaMap);
        DenseStep();
        double worst = 0, scale = 0;
        for (var k = 0; k < _d; k++)
        {
            worst = Math.Max(worst, Math.Abs(viaMap[k] - _ax[k]));
            scale = Math.Max(scale, Math.Abs(_ax[k]));
        }
        if (worst > 1e-8 * scale)
            throw new InvalidOperationException($"Dense A_ξx and BatchMap.Apply differ by {worst:G3} (scale {scale:G3}).");
        Console.WriteLine($"// LinearizedStep setup: d = {_d}, r = {r}, B = {BatchSize}, η = {eta:G4}, L(x*) = {problem.Minimized.Loss:G3}, " +
                          $"Minimize {problem.Minimized.Iterations} steps, max |dense − map| = {worst:G3} (scale {scale:G3}).");
    }

    [Benchmark(Baseline = true, Description = "A_ξ·y on N (ApplyOnNormalSpace, O(B·r))")]
    public double OnNormalSpace()
    {
        _map.ApplyOnNormalSpace(_y, _ay);
        return _ay[0];
    }

    [Benchmark(OperationsPerInvoke = EstimatorSteps, Description = "Estimator step: draw ξ, A_ξ v, ‖·‖, log (k = 1)")]
    public double EstimatorStep() => LyapunovEstimator.Estimate(_hessians, _stepSettings, 1, LyapunovEstimator.StopRule.VerdictDecided).Value;

    [Benchmark(OperationsPerInvoke = EstimatorSteps, Description = "Estimator step as before 57e26cd: AddProduct per sample, scalar loops, System.Random")]
    public double EstimatorStepBefore() => StepBefore(_hessians, _y, _stepSettings.LearningRate, EstimatorSteps);

    /// <summary>
    /// The step of LyapunovEstimator before issue 12 §4, rebuilt from what remains: K_i v by AddProduct into a cleared
    /// accumulator, a scalar update-and-norm loop, the k = 1 Gram–Schmidt pass (norm again, divide, log), seeded System.Random.
    /// </summary>
    internal static double StepBefore(RestrictedHessians hessians, double[] start, double eta, int steps)
    {
        var r = hessians.Dimension;
        var random = new Random(11);
        var order = Enumerable.Range(0, hessians.Count).ToArray();
        var batch = new int[BatchSize];
        var v = start.ToArray();
        var acc = new double[r];
        var sum = new NeumaierSum();
        var scale = eta / BatchSize;
        for (var t = 0; t < steps; t++)
        {
            for (var j = 0; j < BatchSize; j++)
            {
                var pick = random.Next(j, order.Length);
                (order[j], order[pick]) = (order[pick], order[j]);
                batch[j] = order[j];
            }
            Array.Clear(acc);
            for (var i = 0; i < BatchSize; i++)
                hessians.AddProduct(batch[i], v, acc);
            var norm = 0.0;
            for (var a = 0; a < v.Length; a++)
            {
                v[a] -= scale * acc[a];
                norm += v[a] * v[a];
            }
            var squares = 0.0;
            for (var a = 0; a < v.Length; a++)
                squares += v[a] * v[a];
            var length = Math.Sqrt(squares);
            if (length <= LyapunovEstimator.AnnihilationTolerance * Math.Max(1.0, Math.Sqrt(norm)))
                break;
            for (var a = 0; a < v.Length; a++)
                v[a] /= length;
            sum.Add(Math.Log(length));
        }
        return sum.Value / steps;
    }

    [Benchmark(Description = "A_ξ·x on R^d (BatchMap.Apply, O(d·r))")]
    public double OnAmbientSpace()
    {
        _map.Apply(_x, _ax);
        return _ax[0];
    }

    [Benchmark(Description = "Dense d×d A_ξ·x (O(d²))")]
    public double DenseStep()
    {
        var d = _d;
        var a = _dense.AsSpan();
        var x = _x.AsSpan();
        for (var i = 0; i < d; i++)
        {
            var row = a.Slice(i * d, d);
            var s = 0.0;
            for (var j = 0; j < d; j++) s += row[j] * x[j];
            _ax[i] = s;
        }
        return _ax[0];
    }
}
