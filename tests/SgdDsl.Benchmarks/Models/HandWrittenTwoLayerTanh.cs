namespace SgdDsl.Benchmarks.Models;

/// <summary>
/// The loop a careful person writes by hand for <see cref="TwoLayerTanh"/>: one forward pass keeping
/// the hidden activations on the stack, one backward pass. The baseline for the generated code.
/// </summary>
public static class HandWrittenTwoLayerTanh
{
    private const int H = TwoLayerTanh.H, D = TwoLayerTanh.D, WeightCount = H * D;

    /// <summary>ℓ(θ; x, y) = ½(Σ_j v_j tanh(W_j·x) − y)².</summary>
    public static double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        var w = theta[..WeightCount];
        var v = theta.Slice(WeightCount, H);
        var x = sample[..D];
        var f = 0.0;
        for (var j = 0; j < v.Length; j++)
            f += v[j] * Math.Tanh(Dot(w.Slice(j * D, D), x));
        var r = f - sample[D];
        return 0.5 * r * r;
    }

    /// <summary>Writes ∇ℓ into <paramref name="gradient"/> and returns ℓ.</summary>
    public static double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        var w = theta[..WeightCount];
        var v = theta.Slice(WeightCount, H);
        var x = sample[..D];
        var gw = gradient[..WeightCount];
        var gv = gradient.Slice(WeightCount, H);

        Span<double> a = stackalloc double[H];
        var f = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            a[j] = Math.Tanh(Dot(w.Slice(j * D, D), x));
            f += v[j] * a[j];
        }

        var r = f - sample[D];
        for (var j = 0; j < a.Length; j++)
        {
            gv[j] = r * a[j];
            var c = r * v[j] * (1.0 - a[j] * a[j]);
            var row = gw.Slice(j * D, D);
            for (var k = 0; k < row.Length; k++)
                row[k] = c * x[k];
        }

        return 0.5 * r * r;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var k = 0; k < a.Length; k++)
            s += a[k] * b[k];
        return s;
    }
}
