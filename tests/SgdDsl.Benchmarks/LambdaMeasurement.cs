using System.Diagnostics;

namespace SgdDsl.Benchmarks;

/// <summary>
/// <c>-- --lambda</c>: the λ estimate of <see cref="LambdaBenchmarks"/> timed with a stopwatch on 1 and 2 threads
/// (after one warm-up call), with the achieved standard error, steps and steps per second.
/// </summary>
public static class LambdaMeasurement
{
    /// <summary>The fixed costs of an analysis on TwoLayerTanh at r = 64 and, with N = 1,000 teacher samples, at r = 1,000.</summary>
    public static void FixedCosts(bool large)
    {
        var small = TeacherProblem.TwoLayerTanh64();
        FixedCostMeasurement.Run("TwoLayerTanh, N = 64", small, LambdaBenchmarks.Options(small, 1), repeats: 5);
        if (!large)
            return;
        var wide = TeacherProblem.Build(Models.TwoLayerTanh.Model, Models.TwoLayerTanh.D, 1000, 2025, minimize: false);
        FixedCostMeasurement.Run("TwoLayerTanh, N = 1,000 (teacher point)", wide, LambdaBenchmarks.Options(wide, 1), repeats: 1);
    }

    public static void Run()
    {
        var watch = Stopwatch.StartNew();
        var problem = TeacherProblem.TwoLayerTanh64();
        Console.WriteLine($"Setup (data, Minimize: {problem.Minimized.Iterations} LM steps, L = {problem.Minimized.Loss:G3}, moved {problem.Minimized.DistanceMoved:G3}): {watch.Elapsed.TotalSeconds:F2} s");
        var linearizeOptions = LambdaBenchmarks.Options(problem, 1);
        Stability.Linearize(problem.Model, problem.Data, problem.Minimum, linearizeOptions); // warm-up
        watch.Restart();
        var lin = Stability.Linearize(problem.Model, problem.Data, problem.Minimum, linearizeOptions);
        Console.WriteLine($"Stability.Linearize alone (minimum check + normal space + K_i, part of every Analyze): {watch.Elapsed.TotalSeconds:F3} s, r = {lin.NormalDimension}");
        foreach (var threads in new[] { 1, 2 })
        {
            var options = LambdaBenchmarks.Options(problem, threads);
            Stability.Analyze(problem.Model, problem.Data, problem.Minimum, options); // warm-up (JIT)
            var times = new List<double>();
            StabilityReport report = null!;
            for (var repeat = 0; repeat < 3; repeat++)
            {
                watch.Restart();
                report = Stability.Analyze(problem.Model, problem.Data, problem.Minimum, options);
                times.Add(watch.Elapsed.TotalSeconds);
            }
            var best = times.Min();
            Console.WriteLine($"threads = {threads}: Analyze {string.Join(", ", times.Select(t => t.ToString("F3")))} s (best {best:F3}); " +
                              $"{LambdaBenchmarks.Describe(report)}; η = {options.LearningRate:G4}; {report.Steps / best:N0} steps/s over the whole call");
        }
    }
}
