using SgdDsl.Numerics;

namespace SgdDsl.Formulas;

/// <summary>
/// The row kernels (<see cref="Symbolics.RowKernels"/>) as array-and-offset methods for <see cref="ProgramCompiler"/>:
/// expression trees cannot hold spans, so each call names its arrays and where each row starts.
/// </summary>
internal static class RowKernelCalls
{
    public static double Dot2(double[] x, int xStart, double[] y, int yStart, int n) =>
        VectorKernels.Dot(x.AsSpan(xStart, n), y.AsSpan(yStart, n));

    public static double Dot3(double[] x, int xStart, double[] y, int yStart, double[] z, int zStart, int n) =>
        VectorKernels.Dot(x.AsSpan(xStart, n), y.AsSpan(yStart, n), z.AsSpan(zStart, n));

    public static void Scale(double a, double[] x, int xStart, double[] y, int yStart, int n) =>
        VectorKernels.Scale(a, x.AsSpan(xStart, n), y.AsSpan(yStart, n));

    public static void AddScaled(double a, double[] x, int xStart, double[] y, int yStart, int n) =>
        VectorKernels.AddScaled(a, x.AsSpan(xStart, n), y.AsSpan(yStart, n));

    public static void Combine(double a, double[] x, int xStart, double b, double[] y, int yStart, double[] d, int dStart, int n) =>
        VectorKernels.Combine(a, x.AsSpan(xStart, n), b, y.AsSpan(yStart, n), d.AsSpan(dStart, n));

    public static void AddScaled2(double a, double[] x, int xStart, double b, double[] y, int yStart, double[] d, int dStart, int n) =>
        VectorKernels.AddScaled(a, x.AsSpan(xStart, n), b, y.AsSpan(yStart, n), d.AsSpan(dStart, n));
}
