using System.Diagnostics;

namespace SgdDsl.Benchmarks;

/// <summary>
/// <see cref="FormulaModelBenchmarks"/> by Stopwatch: for each method the fastest of 30 batches of 1000 calls, which a
/// loaded machine disturbs least, and the formula model's ratio to the generated model measured in the same run.
/// </summary>
internal static class FormulaRatios
{
    public static void Run()
    {
        var b = new FormulaModelBenchmarks();
        b.Setup();
        Report("Value", b.GeneratedValue, b.FormulaValue);
        Report("Gradient", b.GeneratedGradient, b.FormulaGradient);
        Report("HessianVectorProduct", b.GeneratedHessianVectorProduct, b.FormulaHessianVectorProduct);
    }

    private static void Report(string method, Func<double> generated, Func<double> formula)
    {
        var (g, f) = (Fastest(generated), Fastest(formula));
        Console.WriteLine($"{method}: generated {g:F3} µs, formula {f:F3} µs ({f / g:F2}×)");
    }

    private static double Fastest(Func<double> f)
    {
        for (var i = 0; i < 2000; i++) f();
        var best = double.MaxValue;
        var watch = new Stopwatch();
        for (var batch = 0; batch < 30; batch++)
        {
            watch.Restart();
            for (var i = 0; i < 1000; i++) f();
            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / 1000);
        }

        return best;
    }
}
