using System.Diagnostics;

namespace SgdDsl.Benchmarks;

/// <summary>
/// <c>-- --training-step</c>: the three cases of <see cref="TrainingStepBenchmarks"/> timed by Stopwatch in interleaved
/// rounds (hand, 1 thread, 2 threads, hand, …), so a change of load on a shared machine falls on all three alike; prints
/// the minimum and median of each and the ratios of the minima.
/// </summary>
public static class TrainingStepMeasurement
{
    public static void Run(int rounds = 7)
    {
        var bench = new TrainingStepBenchmarks();
        bench.Setup();
        (string Name, Func<double> Work)[] cases =
        [
            ("hand-written, 1 thread", bench.HandStep),
            ("Training.Run, 1 thread", bench.RunOneThread),
            ("Training.Run, 2 threads", bench.RunTwoThreads),
        ];
        var times = cases.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                cases[c].Work();
                times[c].Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine($"One GD step (2 full-batch passes), MnistTwoLayerTanh d = 100,480, N = 1,000; {rounds} interleaved rounds; {Environment.ProcessorCount} cores.");
        var baseline = times[0].Min();
        for (var c = 0; c < cases.Length; c++)
        {
            var sorted = times[c].Order().ToArray();
            Console.WriteLine($"{cases[c].Name,-26} min {sorted[0],8:F1} ms   median {sorted[sorted.Length / 2],8:F1} ms   min ratio {sorted[0] / baseline:F2}");
        }
        Console.WriteLine($"2 threads vs 1 (minima): {times[2].Min() / times[1].Min():F2}");
    }
}
