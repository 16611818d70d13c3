using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Benchmarks.Models;

/// <summary>
/// The network of <see cref="TwoLayerTanh"/> at MNIST width: D = 784 inputs, H = 128 hidden units, one output, so
/// d = H·D + H = 100,480. Used by the Minimize measurement (<see cref="MinimizeMeasurement"/>), where a d×d matrix
/// of doubles would be 80 GB.
/// </summary>
[SgdModel]
public static partial class MnistTwoLayerTanh
{
    public const int H = 128, D = 784;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}
