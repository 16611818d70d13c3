using System.Numerics;
using System.Runtime.InteropServices;

namespace SgdDsl.Numerics;

/// <summary>
/// Vectorized inner loops (System.Numerics.Vector): the same lanes in the same order on every call, so results are
/// reproducible bit for bit on a given machine whatever the thread count.
/// </summary>
internal static class Kernels
{
    /// <summary>Σ a_k b_k, accumulated in Vector&lt;double&gt; lanes and then the tail.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = a.Length;
        var width = Vector<double>.Count;
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        var k = 0;
        for (; k + 1 < va.Length; k += 2)
        {
            acc0 += va[k] * vb[k];
            acc1 += va[k + 1] * vb[k + 1];
        }
        if (k < va.Length)
            acc0 += va[k] * vb[k];
        var sum = Vector.Sum(acc0 + acc1);
        for (var i = va.Length * width; i < n; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y += c·x.</summary>
    public static void AddScaled(Span<double> y, double c, ReadOnlySpan<double> x)
    {
        var n = y.Length;
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
        var vc = new Vector<double>(c);
        for (var k = 0; k < vy.Length; k++)
            vy[k] += vc * vx[k];
        for (var i = vy.Length * Vector<double>.Count; i < n; i++)
            y[i] += c * x[i];
    }
}
