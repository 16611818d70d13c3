using System.Diagnostics;
using SgdDsl.Benchmarks.Models;

namespace SgdDsl.Benchmarks;

/// <summary>
/// The generated derivatives of Π_k w_k (D = 200) by Stopwatch, as ratios to its Value in the same run: the Gradient
/// from prefix and suffix products, the Hessian and the Hessian–vector product from exclusive products. Each call is
/// repeated for about half a second and the fastest time kept (the one least disturbed by other processes).
/// </summary>
internal static class ProductMeasurement
{
    public static void Run()
    {
        var d = ProductChain.ParameterCount;
        var theta = Enumerable.Range(0, d).Select(i => 1 + 0.01 * Math.Sin(i)).ToArray();
        double[] sample = [0.5, 0.25], gradient = new double[d], hessian = new double[d * d], v = theta.Reverse().ToArray(), hv = new double[d];
        var value = Fastest(() => ProductChain.Value(theta, sample));
        var g = Fastest(() => ProductChain.Gradient(theta, sample, gradient));
        var h = Fastest(() =>
        {
            ProductChain.Hessian(theta, sample, hessian);
            return hessian[d + 2];
        });
        var hvp = Fastest(() =>
        {
            ProductChain.HessianVectorProduct(theta, sample, v, hv);
            return hv[1];
        });
        GC.KeepAlive(_sink);
        Console.WriteLine($"Prod(D = {d}): Value {value:F2} µs, Gradient {g:F2} µs ({g / value:F1}× Value), " +
                          $"Hessian {h:F0} µs ({h / value:F0}× Value), HVP {hvp:F0} µs ({hvp / value:F0}× Value)");
    }

    /// <summary>Where results go, so the JIT cannot drop a call whose value is unused.</summary>
    private static double _sink;

    private static double Fastest(Func<double> f)
    {
        // Calls shorter than the timer's grain are timed in batches of about 50 µs.
        var start = Stopwatch.GetTimestamp();
        _sink += f();
        var once = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        var batch = (int)Math.Clamp(50 / Math.Max(once, 1e-3), 1, 100_000);
        var best = double.MaxValue;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < 3 || total.ElapsedMilliseconds < 500; i++)
        {
            start = Stopwatch.GetTimestamp();
            for (var k = 0; k < batch; k++) _sink += f();
            best = Math.Min(best, (Stopwatch.GetTimestamp() - start) * 1e6 / Stopwatch.Frequency / batch);
        }

        return best;
    }
}
