using System.Numerics;

namespace SgdDsl.Numerics;

/// <summary>
/// Dot products over a whole number of vectors, each summed in vector lanes and then across the lanes: eight at once
/// (four rows against two, six loads per eight multiply-adds: the register block of the Gram and Cholesky tiles) or
/// one, by the same procedure for every entry, so an entry does not depend on which of the two computed it.
/// </summary>
internal static class LaneDots
{
    /// <summary>sums[2q + c] = a_q · b_c over <paramref name="length"/> entries (a multiple of the vector width).</summary>
    public static void FourByTwo(ref double a0, ref double a1, ref double a2, ref double a3, ref double b0, ref double b1, int length, Span<double> sums)
    {
        Vector<double> s00 = default, s01 = default, s10 = default, s11 = default;
        Vector<double> s20 = default, s21 = default, s30 = default, s31 = default;
        for (var k = 0; k < length; k += Vector<double>.Count)
        {
            var y0 = VectorKernels.Load(ref b0, k);
            var y1 = VectorKernels.Load(ref b1, k);
            var x = VectorKernels.Load(ref a0, k);
            s00 = Vector.FusedMultiplyAdd(x, y0, s00);
            s01 = Vector.FusedMultiplyAdd(x, y1, s01);
            x = VectorKernels.Load(ref a1, k);
            s10 = Vector.FusedMultiplyAdd(x, y0, s10);
            s11 = Vector.FusedMultiplyAdd(x, y1, s11);
            x = VectorKernels.Load(ref a2, k);
            s20 = Vector.FusedMultiplyAdd(x, y0, s20);
            s21 = Vector.FusedMultiplyAdd(x, y1, s21);
            x = VectorKernels.Load(ref a3, k);
            s30 = Vector.FusedMultiplyAdd(x, y0, s30);
            s31 = Vector.FusedMultiplyAdd(x, y1, s31);
        }
        sums[0] = Vector.Sum(s00);
        sums[1] = Vector.Sum(s01);
        sums[2] = Vector.Sum(s10);
        sums[3] = Vector.Sum(s11);
        sums[4] = Vector.Sum(s20);
        sums[5] = Vector.Sum(s21);
        sums[6] = Vector.Sum(s30);
        sums[7] = Vector.Sum(s31);
    }

    /// <summary>x · y over <paramref name="length"/> entries (a multiple of the vector width), summed as <see cref="FourByTwo"/> sums each entry.</summary>
    public static double One(ref double x, ref double y, int length)
    {
        var s = Vector<double>.Zero;
        for (var k = 0; k < length; k += Vector<double>.Count)
            s = Vector.FusedMultiplyAdd(VectorKernels.Load(ref x, k), VectorKernels.Load(ref y, k), s);
        return Vector.Sum(s);
    }
}
