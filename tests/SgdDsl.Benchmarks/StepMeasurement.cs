using System.Diagnostics;
using SgdDsl.Exponents;

namespace SgdDsl.Benchmarks;

/// <summary>
/// <c>-- --step</c>: the linearized step of <see cref="LinearizedStepBenchmarks"/> by stopwatch, the minimum over many
/// short repetitions (on a shared machine the least disturbed repetition is the cost of the code): A_ξ·y through
/// <see cref="BatchMap.ApplyOnNormalSpace"/>, and a whole step of the estimate (draw ξ, A_ξ v, ‖·‖, log) on one chain.
/// </summary>
public static class StepMeasurement
{
    public static void Run()
    {
        var problem = TeacherProblem.TwoLayerTanh64();
        var eta = 1.0 / problem.Sharpness();
        var linearization = Stability.Linearize(problem.Model, problem.Data, problem.Minimum, new StabilityOptions { LearningRate = eta, BatchSize = 4 });
        var map = linearization.Map([3, 17, 42, 60]);
        var r = linearization.NormalDimension;
        var y = Enumerable.Range(0, r).Select(i => Math.Sin(i + 1.0)).ToArray();
        var ay = new double[r];
        var apply = MinPerCall(() => map.ApplyOnNormalSpace(y, ay), calls: 2_000, repeats: 400);
        const int steps = 4_000;
        var settings = new StabilityOptions
        {
            LearningRate = eta, BatchSize = 4, Chains = 1, BlocksPerChain = 2, Steps = steps, Transient = 0,
            MaxSteps = steps, AlwaysEstimate = true, MaxDegreeOfParallelism = 1,
        }.Lambda();
        var hessians = linearization.Inner.Hessians;
        var step = MinPerCall(() => LyapunovEstimator.Estimate(hessians, settings, 1, LyapunovEstimator.StopRule.VerdictDecided), calls: 1, repeats: 300) / steps;
        var before = MinPerCall(() => LinearizedStepBenchmarks.StepBefore(hessians, y, eta, steps), calls: 1, repeats: 300) / steps;
        Console.WriteLine($"r = {r}, B = 4: A_ξ·y on N {apply * 1e9:F1} ns; estimator step {step * 1e9:F1} ns, as before 57e26cd {before * 1e9:F1} ns " +
                          $"({before / step:F2}×) (min over repetitions)");

        // Two threads against one on the estimate: 4 chains × 20,000 steps (no transient, no extension), one and two
        // threads interleaved, the minimum of many short runs each (the least disturbed run on a shared machine).
        double Scaled(int threads) => MinPerCall(() => LyapunovEstimator.Estimate(hessians, new StabilityOptions
        {
            LearningRate = eta, BatchSize = 4, Chains = 4, BlocksPerChain = 10, Steps = 20_000, Transient = 0,
            MaxSteps = 80_000, AlwaysEstimate = true, MaxDegreeOfParallelism = threads,
        }.Lambda(), 1, LyapunovEstimator.StopRule.VerdictDecided), calls: 1, repeats: 20);
        var one = double.PositiveInfinity;
        var two = double.PositiveInfinity;
        for (var round = 0; round < 10; round++)
        {
            one = Math.Min(one, Scaled(1));
            two = Math.Min(two, Scaled(2));
        }
        Console.WriteLine($"estimate, 4 chains × 20,000 steps: one thread {one * 1e3:F2} ms ({one / 80_000 * 1e9:F0} ns per step), " +
                          $"two threads {two * 1e3:F2} ms: {one / two:F2}× (min of 200 runs each, interleaved)");
    }

    private static double MinPerCall(Action action, int calls, int repeats)
    {
        for (var i = 0; i < calls; i++)
            action();
        var best = double.PositiveInfinity;
        for (var rep = 0; rep < repeats; rep++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
                action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds / calls);
        }
        return best;
    }
}
