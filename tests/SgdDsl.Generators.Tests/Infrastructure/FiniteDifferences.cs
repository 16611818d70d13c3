namespace SgdDsl.Generators.Tests.Infrastructure;

/// <summary>Central differences, the independent check of generated derivatives.</summary>
internal static class FiniteDifferences
{
    /// <summary>Step h = 1e-5·max(1, |x|): balances O(h²) truncation against roundoff of order ε/h ≈ 1e-11.</summary>
    private static double Step(double x) => 1e-5 * Math.Max(1, Math.Abs(x));

    /// <summary>Truncation (h² times third derivatives of order one) plus roundoff: 1e-7, relative above 1.</summary>
    public static double Tolerance(double expected) => 1e-7 * Math.Max(1, Math.Abs(expected));

    public static double[] Gradient(Func<double[], double> f, double[] x)
    {
        var g = new double[x.Length];
        for (var j = 0; j < x.Length; j++) g[j] = Partial(t => [f(t)], x, j)[0];
        return g;
    }

    /// <summary>∂f/∂x_j of a vector-valued f.</summary>
    public static double[] Partial(Func<double[], double[]> f, double[] x, int j)
    {
        var h = Step(x[j]);
        var plus = (double[])x.Clone();
        var minus = (double[])x.Clone();
        plus[j] += h;
        minus[j] -= h;
        var fp = f(plus);
        var fm = f(minus);
        return fp.Select((v, i) => (v - fm[i]) / (2 * h)).ToArray();
    }
}
