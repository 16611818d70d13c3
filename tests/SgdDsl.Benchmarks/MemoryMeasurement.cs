using System.Diagnostics;
using SgdDsl.Benchmarks.Models;

namespace SgdDsl.Benchmarks;

/// <summary>
/// Issue 4 §4, memory: the squared-residual path for d = 10,000 (<see cref="WideTwoLayerTanh"/>, H = 100, D = 99),
/// N = 256 teacher samples, at the teacher (an exact zero-loss point). Run in its own process
/// (<c>-- --memory</c>): the peak of the managed heap is sampled every millisecond by a background thread
/// (GC.GetTotalMemory(false)), next to the process's peak working set and the bytes allocated. A d×d matrix of
/// doubles alone would be 800 MB.
/// </summary>
public static class MemoryMeasurement
{
    public static void Run()
    {
        const int n = 256;
        var model = WideTwoLayerTanh.Model;
        var d = model.ParameterCount;
        var process = Process.GetCurrentProcess();

        var problem = TeacherProblem.Build(model, WideTwoLayerTanh.D, n, seed: 2025, minimize: false);
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        process.Refresh();
        var baselineHeap = GC.GetTotalMemory(true);
        var baselinePeakWorkingSet = process.PeakWorkingSet64;
        Console.WriteLine($"d = {d}, N = {n}, sample width = {model.SampleWidth}; a d×d double matrix would be {8.0 * d * d / 1e6:F0} MB.");
        Console.WriteLine($"Before: managed heap {Mb(baselineHeap)}, process peak working set {Mb(baselinePeakWorkingSet)} (runtime, data, model).");

        var options = new StabilityOptions { LearningRate = 1e-3, BatchSize = 4, Seed = 1 };
        PeakMemory.Measure("Stability.Linearize + one Map(batch).Apply on R^d", () =>
        {
            var lin = Stability.Linearize(model, problem.Data, problem.Minimum, options);
            var x = new double[d]; x[0] = 1;
            var y = new double[d];
            lin.Map([0, 1, 2, 3]).Apply(x, y);
            return $"r = {lin.NormalDimension}, from squared residual = {lin.FromSquaredResidual}";
        });
        PeakMemory.Measure("Stability.Analyze (B = 4, defaults: 200,000 steps × 4 chains budget)", () =>
        {
            var report = Stability.Analyze(model, problem.Data, problem.Minimum, options with { MaxDegreeOfParallelism = 2 });
            return LambdaBenchmarks.Describe(report) + $", from squared residual = {report.FromSquaredResidual}";
        });

        process.Refresh();
        Console.WriteLine($"Process peak working set over the whole run: {Mb(process.PeakWorkingSet64)}.");
    }

    private static string Mb(long bytes) => PeakMemory.Mb(bytes);
}
