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
        var t = new TwoLayerTanhBenchmarks();
        t.Setup();
        Report("TwoLayerTanh 16-64-1", t.HandWrittenValue, t.GeneratedValue, t.HandWrittenGradient, t.GeneratedGradient, t.GeneratedHessianVectorProduct);
    }

    private static void Report(string name, Func<double> handValue, Func<double> value, Func<double> handGradient, Func<double> gradient, Func<double> hvp)
    {
        var (hv, v, hg, g, h) = (Fastest(handValue), Fastest(value), Fastest(handGradient), Fastest(gradient), Fastest(hvp));
        Console.WriteLine($"{name}: Value {v:F1} µs ({v / hv:F2}× hand forward), Gradient {g:F1} µs ({g / v:F2}× Value, {g / hg:F2}× hand backprop), HVP {h:F1} µs ({h / v:F2}× Value)");
    }

    /// <summary>Microseconds per call: the fastest of 31 batches, each long enough (≥ 200 µs) for the Stopwatch.</summary>
    private static double Fastest(Func<double> f)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++) f();
        var calls = Math.Max(1, (int)(200 / Math.Max(watch.Elapsed.TotalMicroseconds / 3, 1e-3)));
        var times = new List<double>();
        for (var i = 0; i < 31; i++)
        {
            watch.Restart();
            for (var k = 0; k < calls; k++) f();
            times.Add(watch.Elapsed.TotalMicroseconds / calls);
        }
        return times.Min();
    }
}
