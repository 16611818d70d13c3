using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SgdDsl.Numerics;

/// <summary>
/// Dot products and y += a·x with <see cref="Vector{T}"/>: lanes accumulate in order and are summed in a fixed order,
/// so a result depends on the data and the machine's vector width, never on threads.
/// </summary>
internal static class VectorKernels
{
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        ref var a = ref MemoryMarshal.GetReference(x);
        ref var b = ref MemoryMarshal.GetReference(y);
        var w = Vector<double>.Count;
        var s0 = Vector<double>.Zero;
        var s1 = Vector<double>.Zero;
        var k = 0;
        for (; k + 2 * w <= n; k += 2 * w)
        {
            s0 = Vector.FusedMultiplyAdd(Load(ref a, k), Load(ref b, k), s0);
            s1 = Vector.FusedMultiplyAdd(Load(ref a, k + w), Load(ref b, k + w), s1);
        }
        for (; k + w <= n; k += w)
            s0 = Vector.FusedMultiplyAdd(Load(ref a, k), Load(ref b, k), s0);
        var sum = Vector.Sum(s0 + s1);
        for (; k < n; k++)
            sum += Unsafe.Add(ref a, k) * Unsafe.Add(ref b, k);
        return sum;
    }

    /// <summary>Σ_k x_k y_k z_k.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z)
    {
        var n = x.Length;
        ref var a = ref MemoryMarshal.GetReference(x);
        ref var b = ref MemoryMarshal.GetReference(y[..n]);
        ref var c = ref MemoryMarshal.GetReference(z[..n]);
        var w = Vector<double>.Count;
        var s0 = Vector<double>.Zero;
        var s1 = Vector<double>.Zero;
        var k = 0;
        for (; k + 2 * w <= n; k += 2 * w)
        {
            s0 = Vector.FusedMultiplyAdd(Load(ref a, k) * Load(ref b, k), Load(ref c, k), s0);
            s1 = Vector.FusedMultiplyAdd(Load(ref a, k + w) * Load(ref b, k + w), Load(ref c, k + w), s1);
        }
        for (; k + w <= n; k += w)
            s0 = Vector.FusedMultiplyAdd(Load(ref a, k) * Load(ref b, k), Load(ref c, k), s0);
        var sum = Vector.Sum(s0 + s1);
        for (; k < n; k++)
            sum += Unsafe.Add(ref a, k) * Unsafe.Add(ref b, k) * Unsafe.Add(ref c, k);
        return sum;
    }

    /// <summary>y += a·x.</summary>
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y);
        var w = Vector<double>.Count;
        var scale = new Vector<double>(a);
        var k = 0;
        for (; k + w <= n; k += w)
            Vector.FusedMultiplyAdd(scale, Load(ref xs, k), Load(ref ys, k)).StoreUnsafe(ref ys, (nuint)k);
        for (; k < n; k++)
            Unsafe.Add(ref ys, k) += a * Unsafe.Add(ref xs, k);
    }

    /// <summary>destination ← a·x.</summary>
    public static void Scale(double a, ReadOnlySpan<double> x, Span<double> destination)
    {
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(destination[..n]);
        var w = Vector<double>.Count;
        var scale = new Vector<double>(a);
        var k = 0;
        for (; k + w <= n; k += w)
            (scale * Load(ref xs, k)).StoreUnsafe(ref ys, (nuint)k);
        for (; k < n; k++)
            Unsafe.Add(ref ys, k) = a * Unsafe.Add(ref xs, k);
    }

    /// <summary>destination ← a·x + b·y.</summary>
    public static void Combine(double a, ReadOnlySpan<double> x, double b, ReadOnlySpan<double> y, Span<double> destination)
    {
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y[..n]);
        ref var ds = ref MemoryMarshal.GetReference(destination[..n]);
        var w = Vector<double>.Count;
        var (va, vb) = (new Vector<double>(a), new Vector<double>(b));
        var k = 0;
        for (; k + w <= n; k += w)
            Vector.FusedMultiplyAdd(va, Load(ref xs, k), vb * Load(ref ys, k)).StoreUnsafe(ref ds, (nuint)k);
        for (; k < n; k++)
            Unsafe.Add(ref ds, k) = a * Unsafe.Add(ref xs, k) + b * Unsafe.Add(ref ys, k);
    }

    /// <summary>destination += a·x + b·y.</summary>
    public static void AddScaled(double a, ReadOnlySpan<double> x, double b, ReadOnlySpan<double> y, Span<double> destination)
    {
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y[..n]);
        ref var ds = ref MemoryMarshal.GetReference(destination[..n]);
        var w = Vector<double>.Count;
        var (va, vb) = (new Vector<double>(a), new Vector<double>(b));
        var k = 0;
        for (; k + w <= n; k += w)
            Vector.FusedMultiplyAdd(va, Load(ref xs, k), Vector.FusedMultiplyAdd(vb, Load(ref ys, k), Load(ref ds, k))).StoreUnsafe(ref ds, (nuint)k);
        for (; k < n; k++)
            Unsafe.Add(ref ds, k) += a * Unsafe.Add(ref xs, k) + b * Unsafe.Add(ref ys, k);
    }

    /// <summary>(Σ_k a_k x_k, Σ_k b_k x_k) in one pass over x.</summary>
    public static (double, double) DotPair(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x)
    {
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var p = ref MemoryMarshal.GetReference(a[..n]);
        ref var q = ref MemoryMarshal.GetReference(b[..n]);
        var w = Vector<double>.Count;
        var (s0, s1) = (Vector<double>.Zero, Vector<double>.Zero);
        var k = 0;
        for (; k + w <= n; k += w)
        {
            var xk = Load(ref xs, k);
            s0 = Vector.FusedMultiplyAdd(Load(ref p, k), xk, s0);
            s1 = Vector.FusedMultiplyAdd(Load(ref q, k), xk, s1);
        }
        var (t0, t1) = (Vector.Sum(s0), Vector.Sum(s1));
        for (; k < n; k++)
        {
            t0 += Unsafe.Add(ref p, k) * Unsafe.Add(ref xs, k);
            t1 += Unsafe.Add(ref q, k) * Unsafe.Add(ref xs, k);
        }
        return (t0, t1);
    }

    /// <summary>(a·x, a·y, b·x, b·y) in one pass over the four rows.</summary>
    public static (double, double, double, double) DotBlock(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = a.Length;
        ref var p = ref MemoryMarshal.GetReference(a);
        ref var q = ref MemoryMarshal.GetReference(b[..n]);
        ref var r = ref MemoryMarshal.GetReference(x[..n]);
        ref var s = ref MemoryMarshal.GetReference(y[..n]);
        var w = Vector<double>.Count;
        var (s00, s01, s10, s11) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
        var k = 0;
        for (; k + w <= n; k += w)
        {
            var (ak, bk, xk, yk) = (Load(ref p, k), Load(ref q, k), Load(ref r, k), Load(ref s, k));
            s00 = Vector.FusedMultiplyAdd(ak, xk, s00);
            s01 = Vector.FusedMultiplyAdd(ak, yk, s01);
            s10 = Vector.FusedMultiplyAdd(bk, xk, s10);
            s11 = Vector.FusedMultiplyAdd(bk, yk, s11);
        }
        var (t00, t01, t10, t11) = (Vector.Sum(s00), Vector.Sum(s01), Vector.Sum(s10), Vector.Sum(s11));
        for (; k < n; k++)
        {
            var (ak, bk, xk, yk) = (Unsafe.Add(ref p, k), Unsafe.Add(ref q, k), Unsafe.Add(ref r, k), Unsafe.Add(ref s, k));
            t00 += ak * xk;
            t01 += ak * yk;
            t10 += bk * xk;
            t11 += bk * yk;
        }
        return (t00, t01, t10, t11);
    }

    /// <summary>d += a·x + b·y and e += c·x + f·y in one pass: two table rows from two source rows (a zero scale stands for no term).</summary>
    public static void AddScaledBlock(double a, double b, double c, double f, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> d, Span<double> e)
    {
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y[..n]);
        ref var ds = ref MemoryMarshal.GetReference(d[..n]);
        ref var es = ref MemoryMarshal.GetReference(e[..n]);
        var w = Vector<double>.Count;
        var (va, vb, vc, vf) = (new Vector<double>(a), new Vector<double>(b), new Vector<double>(c), new Vector<double>(f));
        var k = 0;
        for (; k + w <= n; k += w)
        {
            var (xk, yk) = (Load(ref xs, k), Load(ref ys, k));
            Vector.FusedMultiplyAdd(va, xk, Vector.FusedMultiplyAdd(vb, yk, Load(ref ds, k))).StoreUnsafe(ref ds, (nuint)k);
            Vector.FusedMultiplyAdd(vc, xk, Vector.FusedMultiplyAdd(vf, yk, Load(ref es, k))).StoreUnsafe(ref es, (nuint)k);
        }
        for (; k < n; k++)
        {
            var (xk, yk) = (Unsafe.Add(ref xs, k), Unsafe.Add(ref ys, k));
            Unsafe.Add(ref ds, k) += a * xk + b * yk;
            Unsafe.Add(ref es, k) += c * xk + f * yk;
        }
    }

    /// <summary>x ← a·x.</summary>
    public static void Scale(double a, Span<double> x)
    {
        var n = x.Length;
        ref var xs = ref MemoryMarshal.GetReference(x);
        var w = Vector<double>.Count;
        var scale = new Vector<double>(a);
        var k = 0;
        for (; k + w <= n; k += w)
            (scale * Load(ref xs, k)).StoreUnsafe(ref xs, (nuint)k);
        for (; k < n; k++)
            Unsafe.Add(ref xs, k) *= a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Load(ref double source, int offset) => Vector.LoadUnsafe(ref source, (nuint)offset);
}
