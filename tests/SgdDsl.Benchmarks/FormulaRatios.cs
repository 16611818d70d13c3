using System.Diagnostics;
using SgdDsl.Benchmarks.Models;
using SgdDsl.Formulas;

namespace SgdDsl.Benchmarks;

/// <summary>
/// <see cref="FormulaModelBenchmarks"/> by Stopwatch, and the same comparison at 64–500–500–1 (d = 282,500): for each
/// method the fastest of 30 batches of calls, which a loaded machine disturbs least, and the formula model's ratio to
/// the generated model measured in the same run.
/// </summary>
internal static class FormulaRatios
{
    /// <summary>The loss of <see cref="TwoHiddenLayers"/>, as infix text.</summary>
    private const string TwoHiddenLayersFormula = "0.5*(sum(i, 500, v[i]*tanh(sum(j, 500, U[i,j]*tanh(sum(k, 64, W[j,k]*x[k]))))) - y)^2";

    public static void Run()
    {
        var b = new FormulaModelBenchmarks();
        b.Setup();
        Console.WriteLine("TwoLayerTanh 16-64-1 (d = 1,088):");
        Report("Value", b.GeneratedValue, b.FormulaValue, 1000);
        Report("Gradient", b.GeneratedGradient, b.FormulaGradient, 1000);
        Report("HessianVectorProduct", b.GeneratedHessianVectorProduct, b.FormulaHessianVectorProduct, 1000);

        Console.WriteLine("64-500-500-1 (d = 282,500):");
        var (generated, formula) = (TwoHiddenLayers.Model, FormulaModel.Create(TwoHiddenLayersFormula, ["W[500,64]", "U[500,500]", "v[500]"]));
        var random = new Random(7);
        double[] Draw(int n, double scale) => Enumerable.Range(0, n).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();
        var (theta, sample, v, result) = (Draw(generated.ParameterCount, 0.05), Draw(generated.SampleWidth, 1), Draw(generated.ParameterCount, 1), new double[generated.ParameterCount]);
        Report("Value", () => generated.Value(theta, sample), () => formula.Value(theta, sample), 20);
        Report("Gradient", () => generated.Gradient(theta, sample, result), () => formula.Gradient(theta, sample, result), 20);
        Report("HessianVectorProduct", () => Hvp(generated), () => Hvp(formula), 20);

        double Hvp(ILossModel model)
        {
            model.HessianVectorProduct(theta, sample, v, result);
            return result[0];
        }
    }

    private static void Report(string method, Func<double> generated, Func<double> formula, int calls)
    {
        var (g, f) = (Fastest(generated, calls), Fastest(formula, calls));
        Console.WriteLine($"  {method}: generated {g:F3} µs, formula {f:F3} µs ({f / g:F2}×)");
    }

    private static double Fastest(Func<double> f, int calls)
    {
        for (var i = 0; i < 2 * calls; i++) f();
        var best = double.MaxValue;
        var watch = new Stopwatch();
        for (var batch = 0; batch < 30; batch++)
        {
            watch.Restart();
            for (var i = 0; i < calls; i++) f();
            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / calls);
        }

        return best;
    }
}
