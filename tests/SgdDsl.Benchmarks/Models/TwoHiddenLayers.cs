using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Benchmarks.Models;

/// <summary>
/// A 64–500–500–1 net with two tanh layers, f(x) = Σ_i v_i tanh(Σ_j U_ij tanh(Σ_k W_jk x_k)), squared loss:
/// θ = (W, U row-major, v), d = 500·64 + 500·500 + 500 = 282,500; a sample is (x, y).
/// </summary>
[SgdModel]
public static partial class TwoHiddenLayers
{
    public const int H = 500, D = 64;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H, H)] double[,] U, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, i => v[i] * Tanh(Sum(H, j => U[i, j] * Tanh(Sum(D, k => W[j, k] * x[k]))))) - y);
}
