using System.Diagnostics;

namespace SgdDsl.Benchmarks;

/// <summary>
/// The generator's own work per model as processor time, not wall time (<c>--generator-cpu</c>): on a shared machine
/// with a load average far above its core count, wall-clock timings measure the queue for a core, while the processor
/// time the process spends is nearly independent of it. Same runs as <see cref="GeneratorBenchmarks"/>.
/// </summary>
internal static class GeneratorCpuTime
{
    private const int Warmups = 5, Runs = 20;

    public static void Run()
    {
        foreach (var model in new[] { "TwoLayerTanh", "MultiOutputMlp", "TwoHiddenLayers" })
        {
            var b = new GeneratorBenchmarks { Model = model };
            b.Setup();
            Console.WriteLine($"{model}: first run {Measure(() => b.FirstRun())}; fresh compilation {Measure(() => b.FirstRunOnFreshCompilation())}; " +
                $"rerun after unrelated edit {Measure(() => b.RerunAfterUnrelatedEdit())}");
        }
    }

    private static string Measure(Func<int> run)
    {
        for (var i = 0; i < Warmups; i++) run();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++) run();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / Runs;
        return $"{cpuMs:F1} ms processor time ({wall.Elapsed.TotalMilliseconds / Runs:F1} ms wall)";
    }
}
