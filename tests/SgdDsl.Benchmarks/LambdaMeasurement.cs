using System.Diagnostics;

namespace SgdDsl.Benchmarks;

/// <summary>
/// <c>-- --lambda</c>: the λ estimate of <see cref="LambdaBenchmarks"/> timed with a stopwatch on 1 and 2 threads
/// (after one warm-up call), with the achieved standard error, steps and steps per second; <c>-- --fixed-costs</c>:
/// what comes before the first Monte Carlo step.
/// </summary>
public static class LambdaMeasurement
{
    /// <summary>The fixed costs of an analysis on TwoLayerTanh at r = 64 and, with N = 1,000 teacher samples, at r = 1,000.</summary>
    public static void FixedCosts(bool large)
    {
        var small = TeacherProblem.TwoLayerTanh64();
        FixedCostMeasurement.Run("TwoLayerTanh, N = 64", small, LambdaBenchmarks.Options(small, 1), repeats: 15);
        if (!large)
            return;
        var wide = TeacherProblem.Build(Models.TwoLayerTanh.Model, Models.TwoLayerTanh.D, 1000, 2025, minimize: false);
        FixedCostMeasurement.Run("TwoLayerTanh, N = 1,000 (teacher point)", wide, LambdaBenchmarks.Options(wide, 1), repeats: 1);
    }

    /// <summary>
    /// Both lengths of the estimate (the default length, forced by AlwaysEstimate as in issue 4's baseline, and the
    /// length chosen from StandardErrorTarget, the default) on 1 and 2 threads: whole Analyze calls, the minimum of
    /// several after a warm-up, with the estimate alone beside them (the two-thread ratio is measured on it).
    /// </summary>
    public static void Run()
    {
        var watch = Stopwatch.StartNew();
        var problem = TeacherProblem.TwoLayerTanh64();
        Console.WriteLine($"Setup (data, Minimize: {problem.Minimized.Iterations} steps, L = {problem.Minimized.Loss:G3}, moved {problem.Minimized.DistanceMoved:G3}): {watch.Elapsed.TotalSeconds:F2} s");
        var linearizeOptions = LambdaBenchmarks.Options(problem, 1);
        Stability.Linearize(problem.Model, problem.Data, problem.Minimum, linearizeOptions); // warm-up
        var linearize = Best(5, () => Stability.Linearize(problem.Model, problem.Data, problem.Minimum, linearizeOptions));
        var lin = Stability.Linearize(problem.Model, problem.Data, problem.Minimum, linearizeOptions);
        Console.WriteLine($"Stability.Linearize alone (minimum check + normal space + K_i, part of every Analyze): {linearize:F3} s, r = {lin.NormalDimension}");
        var hessians = lin.Inner.Hessians;
        foreach (var forced in new[] { true, false })
        {
            var estimates = new Dictionary<int, double>();
            foreach (var threads in new[] { 1, 2 })
            {
                var options = LambdaBenchmarks.Options(problem, threads) with { AlwaysEstimate = forced };
                StabilityReport report = null!;
                var times = Times(7, () => report = Stability.Analyze(problem.Model, problem.Data, problem.Minimum, options));
                var settings = options.Lambda();
                var rule = forced ? Exponents.LyapunovEstimator.StopRule.VerdictDecided : Exponents.LyapunovEstimator.StopRule.PrecisionAndVerdict;
                var estimate = Best(7, () => Exponents.LyapunovEstimator.Estimate(hessians, settings, 1, rule));
                estimates[threads] = estimate;
                var best = times.Min();
                Console.WriteLine($"{(forced ? "default length (AlwaysEstimate)" : "length from the target")}, threads = {threads}: Analyze " +
                                  $"{string.Join(", ", times.Select(t => t.ToString("F3")))} s (best {best:F3}); estimate alone {estimate * 1e3:F1} ms " +
                                  $"({estimate / report.Steps * 1e9:F0} ns per step over all chains); {LambdaBenchmarks.Describe(report)}; " +
                                  $"{report.Steps / best:N0} steps/s over the whole call");
            }
            Console.WriteLine($"  two threads / one on the estimate: {estimates[1] / estimates[2]:F2}×");
        }
    }

    private static List<double> Times(int repeats, Action action)
    {
        action(); // warm-up (JIT)
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
        }
        return times;
    }

    private static double Best(int repeats, Action action) => Times(repeats, action).Min();
}
