using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// The hot loop of the Lyapunov estimate: v ← A_ξ v = v − (η/|ξ|) Σ_{i∈ξ} Σ_j s_j (w_j·v) w_j in place, from the
/// factor table of the restricted Hessians. The m = Σ rank K_i factors of the batch are gathered once per step
/// (<see cref="Gather"/>), their m dots taken on the old v, then one pass over v subtracts every term and sums ‖v‖²:
/// about 2·m·r multiply-adds and no allocation (for B = 4 squared residuals at r = 64, 512 multiply-adds).
/// </summary>
internal sealed class BatchStep
{
    private readonly RestrictedHessians hessians;
    private readonly int r;
    private int[] factors;
    private double[] coefficients;
    private int count;

    public BatchStep(RestrictedHessians hessians)
    {
        this.hessians = hessians;
        r = hessians.Dimension;
        factors = new int[8];
        coefficients = new double[8];
    }

    /// <summary>Collects the factors of the samples in <paramref name="batch"/> (in batch order, repeats kept).</summary>
    public void Gather(ReadOnlySpan<int> batch)
    {
        var offsets = hessians.Offsets;
        var m = 0;
        foreach (var i in batch)
            m += offsets[i + 1] - offsets[i];
        if (factors.Length < m)
        {
            factors = new int[m];
            coefficients = new double[m];
        }
        var f = 0;
        foreach (var i in batch)
        {
            for (var j = offsets[i]; j < offsets[i + 1]; j++)
                factors[f++] = j;
        }
        count = m;
    }

    /// <summary>v ← v − <paramref name="scale"/>·Σ s_j (w_j·v) w_j over the gathered factors; returns the new ‖v‖² (may overflow to ∞).</summary>
    public double Apply(double scale, Span<double> v)
    {
        var m = count;
        ref var w0 = ref MemoryMarshal.GetReference(hessians.Directions);
        ref var s0 = ref MemoryMarshal.GetReference(hessians.Scales);
        ref var c0 = ref MemoryMarshal.GetArrayDataReference(coefficients);
        ref var f0 = ref MemoryMarshal.GetArrayDataReference(factors);
        for (var a = 0; a < m; a++)
        {
            var j = Unsafe.Add(ref f0, a);
            var w = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref w0, (nint)j * r), r);
            Unsafe.Add(ref c0, a) = scale * Unsafe.Add(ref s0, j) * VectorKernels.Dot(w, v);
        }

        ref var x = ref MemoryMarshal.GetReference(v);
        var n = r;
        var width = Vector<double>.Count;
        var squares = Vector<double>.Zero;
        var k = 0;
        for (; k + width <= n; k += width)
        {
            var value = VectorKernels.Load(ref x, k);
            for (var a = 0; a < m; a++)
            {
                ref var w = ref Unsafe.Add(ref w0, (nint)Unsafe.Add(ref f0, a) * r);
                value = Vector.FusedMultiplyAdd(new Vector<double>(-Unsafe.Add(ref c0, a)), VectorKernels.Load(ref w, k), value);
            }
            value.StoreUnsafe(ref x, (nuint)k);
            squares = Vector.FusedMultiplyAdd(value, value, squares);
        }
        var sum = Vector.Sum(squares);
        for (; k < n; k++)
        {
            var value = Unsafe.Add(ref x, k);
            for (var a = 0; a < m; a++)
                value -= Unsafe.Add(ref c0, a) * Unsafe.Add(ref Unsafe.Add(ref w0, (nint)Unsafe.Add(ref f0, a) * r), k);
            Unsafe.Add(ref x, k) = value;
            sum += value * value;
        }
        return sum;
    }
}
