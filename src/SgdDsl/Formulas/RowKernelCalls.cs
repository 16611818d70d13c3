using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SgdDsl.Numerics;

namespace SgdDsl.Formulas;

/// <summary>
/// The row kernels (<see cref="Symbolics.RowKernels"/>) as first-entry-and-offset methods for <see cref="ProgramCompiler"/>:
/// expression trees cannot hold spans, so each call names the first entry of its span and where each row starts.
/// </summary>
internal static class RowKernelCalls
{
    public static double Dot2(ref double x, int xStart, ref double y, int yStart, int n) =>
        VectorKernels.Dot(Row(ref x, xStart, n), Row(ref y, yStart, n));

    public static double Dot3(ref double x, int xStart, ref double y, int yStart, ref double z, int zStart, int n) =>
        VectorKernels.Dot(Row(ref x, xStart, n), Row(ref y, yStart, n), Row(ref z, zStart, n));

    public static void Scale(double a, ref double x, int xStart, ref double y, int yStart, int n) =>
        VectorKernels.Scale(a, Row(ref x, xStart, n), Row(ref y, yStart, n));

    public static void AddScaled(double a, ref double x, int xStart, ref double y, int yStart, int n) =>
        VectorKernels.AddScaled(a, Row(ref x, xStart, n), Row(ref y, yStart, n));

    public static void Combine(double a, ref double x, int xStart, double b, ref double y, int yStart, ref double d, int dStart, int n) =>
        VectorKernels.Combine(a, Row(ref x, xStart, n), b, Row(ref y, yStart, n), Row(ref d, dStart, n));

    public static void AddScaled2(double a, ref double x, int xStart, double b, ref double y, int yStart, ref double d, int dStart, int n) =>
        VectorKernels.AddScaled(a, Row(ref x, xStart, n), b, Row(ref y, yStart, n), Row(ref d, dStart, n));

    private static Span<double> Row(ref double start, int offset, int n) => MemoryMarshal.CreateSpan(ref Unsafe.Add(ref start, offset), n);
}
