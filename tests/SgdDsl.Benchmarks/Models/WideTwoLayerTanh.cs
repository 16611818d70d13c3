using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Benchmarks.Models;

/// <summary>
/// The same network as <see cref="TwoLayerTanh"/>, wide: H = 100, D = 99, so d = H·D + H = 10,000.
/// Used only by the peak-memory measurement of the squared-residual path (<see cref="MemoryMeasurement"/>).
/// </summary>
[SgdModel]
public static partial class WideTwoLayerTanh
{
    public const int H = 100, D = 99;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}
