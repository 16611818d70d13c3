using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Benchmarks.Models;

/// <summary>
/// f(x) = Σ_j v_j tanh(Σ_k W_jk x_k) with squared loss; θ = (W row-major, v), d = H·D + H = 1088,
/// a sample is (x, y).
/// </summary>
[SgdModel]
public static partial class TwoLayerTanh
{
    public const int H = 64, D = 16;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}
