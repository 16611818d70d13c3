using System.Diagnostics;

namespace SgdDsl.Benchmarks;

/// <summary>
/// <c>-- --lambda</c>: the λ estimate of <see cref="LambdaBenchmarks"/> timed with a stopwatch on 1 and 2 threads
/// (after one warm-up call), with the achieved standard error, steps and steps per second.
/// </summary>
public static class LambdaMeasurement
{
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
