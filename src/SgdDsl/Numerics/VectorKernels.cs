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
