namespace SgdDsl;

/// <summary>
/// Helper functions a loss may call (with <c>using static SgdDsl.Dsl;</c>). Each one is ordinary C#,
/// so the user's loss method runs as written, and the generator knows its exact derivatives.
/// </summary>
public static class Dsl
{
    /// <summary>x².</summary>
    public static double Sq(double x) => x * x;

    /// <summary>x³.</summary>
    public static double Cube(double x) => x * x * x;

    /// <summary>The logistic function 1 / (1 + e^(−x)), computed without overflow.</summary>
    public static double Sigmoid(double x) =>
        x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    /// <summary>log(1 + eˣ), computed without overflow; its derivative is <see cref="Sigmoid"/>.</summary>
    public static double Softplus(double x) =>
        Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x)));

    /// <summary>log cosh x, a smooth Huber-like penalty; its derivative is tanh x.</summary>
    public static double LogCosh(double x)
    {
        var a = Math.Abs(x);
        return a + Math.Log(1.0 + Math.Exp(-2.0 * a)) - Math.Log(2.0);
    }

    /// <summary>eˣ.</summary>
    public static double Exp(double x) => Math.Exp(x);

    /// <summary>Natural logarithm.</summary>
    public static double Log(double x) => Math.Log(x);

    /// <summary>Square root.</summary>
    public static double Sqrt(double x) => Math.Sqrt(x);

    /// <summary>xʸ.</summary>
    public static double Pow(double x, double y) => Math.Pow(x, y);

    /// <summary>Sine.</summary>
    public static double Sin(double x) => Math.Sin(x);

    /// <summary>Cosine.</summary>
    public static double Cos(double x) => Math.Cos(x);

    /// <summary>Tangent.</summary>
    public static double Tan(double x) => Math.Tan(x);

    /// <summary>Hyperbolic tangent.</summary>
    public static double Tanh(double x) => Math.Tanh(x);

    /// <summary>Hyperbolic cosine, (eˣ + e^(−x))/2 ≥ 1. <c>Log(Cosh(x))</c> is differentiated as <see cref="LogCosh"/>.</summary>
    public static double Cosh(double x) => Math.Cosh(x);

    /// <summary>Hyperbolic sine, (eˣ − e^(−x))/2.</summary>
    public static double Sinh(double x) => Math.Sinh(x);

    /// <summary>Inverse hyperbolic sine, log(x + √(x² + 1)); its derivative is 1/√(x² + 1).</summary>
    public static double Asinh(double x) => Math.Asinh(x);

    /// <summary>Inverse hyperbolic cosine, for x ≥ 1 (NaN below); its derivative 1/√(x² − 1) is infinite at 1.</summary>
    public static double Acosh(double x) => Math.Acosh(x);

    /// <summary>Inverse hyperbolic tangent, for |x| &lt; 1 (±∞ at ±1, NaN beyond); its derivative is 1/(1 − x²).</summary>
    public static double Atanh(double x) => Math.Atanh(x);

    /// <summary>Arc sine, for |x| ≤ 1 (NaN beyond); its derivative 1/√(1 − x²) is infinite at ±1.</summary>
    public static double Asin(double x) => Math.Asin(x);

    /// <summary>Arc cosine, for |x| ≤ 1 (NaN beyond); its derivative −1/√(1 − x²) is infinite at ±1.</summary>
    public static double Acos(double x) => Math.Acos(x);

    /// <summary>Base-10 logarithm, for x &gt; 0; differentiated as log(x)/log(10).</summary>
    public static double Log10(double x) => Math.Log10(x);

    /// <summary>Base-2 logarithm, for x &gt; 0; differentiated as log(x)/log(2).</summary>
    public static double Log2(double x) => Math.Log2(x);

    /// <summary>
    /// Cube root, real for every x. Its derivative 1/(3∛x²) is infinite at 0, so it is not twice
    /// differentiable there: the generator warns (SGD0014).
    /// </summary>
    public static double Cbrt(double x) => Math.Cbrt(x);

    /// <summary>max(x, 0). Not twice differentiable at 0: the generator warns (SGD0014).</summary>
    public static double Relu(double x) => Math.Max(x, 0.0);

    /// <summary>Arc tangent.</summary>
    public static double Atan(double x) => Math.Atan(x);

    /// <summary>Σ_{i=0}^{n−1} body(i). In a loss, n must be a compile-time constant.</summary>
    public static double Sum(int n, Func<int, double> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += body(i);
        return sum;
    }

    /// <summary>Π_{i=0}^{n−1} body(i). In a loss, n must be a compile-time constant.</summary>
    public static double Prod(int n, Func<int, double> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var product = 1.0;
        for (var i = 0; i < n; i++) product *= body(i);
        return product;
    }

    /// <summary>Σ_i a[i]·b[i] of two vectors of equal length.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Dot needs vectors of equal length, not {a.Length} and {b.Length}.", nameof(b));
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Σ_i a[i]² of a vector.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> a)
    {
        var sum = 0.0;
        foreach (var x in a) sum += x * x;
        return sum;
    }
}
