using System.Diagnostics;

namespace SgdDsl.Benchmarks;

/// <summary>
/// A quick look at the network ratios without BenchmarkDotNet (fastest of repeated Stopwatch timings: on a shared
/// machine the least disturbed run, for iterating on the generator); the recorded numbers come from
/// <see cref="NetworkBenchmarks"/>.
/// </summary>
internal static class QuickRatios
{
    public static void Run()
    {
        var b = new NetworkBenchmarks();
        b.Setup();
        Report("MLP 784-128-10", b.MlpHandValue, b.MlpValue, b.MlpHandGradient, b.MlpGradient, b.MlpHvp);
        var (hj, j) = (Fastest(b.MlpHandJacobian), Fastest(b.MlpJacobian));
        Console.WriteLine($"MLP 784-128-10: OutputJacobian {j:F1} µs ({j / hj:F2}× K hand-written output gradients)");
        Report("64-500-500-1", b.DeepHandValue, b.DeepValue, b.DeepHandGradient, b.DeepGradient, b.DeepHvp);
    }

    private static void Report(string name, Func<double> handValue, Func<double> value, Func<double> handGradient, Func<double> gradient, Func<double> hvp)
    {
        var (hv, v, hg, g, h) = (Fastest(handValue), Fastest(value), Fastest(handGradient), Fastest(gradient), Fastest(hvp));
        Console.WriteLine($"{name}: Value {v:F1} µs ({v / hv:F2}× hand forward), Gradient {g:F1} µs ({g / v:F2}× Value, {g / hg:F2}× hand backprop), HVP {h:F1} µs ({h / v:F2}× Value)");
    }

    private static double Fastest(Func<double> f)
    {
        for (var i = 0; i < 3; i++) f();
        var times = new List<double>();
        var watch = new Stopwatch();
        for (var i = 0; i < 31; i++)
        {
            watch.Restart();
            f();
            times.Add(watch.Elapsed.TotalMicroseconds);
        }
        return times.Min();
    }
}
