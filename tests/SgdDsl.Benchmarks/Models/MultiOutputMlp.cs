using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Benchmarks.Models;

/// <summary>
/// A 784–128–10 tanh MLP with the squared loss over 10 outputs, f_c(x) = Σ_j V_cj tanh(Σ_k W_jk x_k):
/// θ = (W row-major, V row-major), d = 128·784 + 10·128 = 101,632; a sample is (x, y), y of length 10.
/// </summary>
[SgdModel]
public static partial class MultiOutputMlp
{
    public const int K = 10, H = 128, D = 784;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(K, H)] double[,] V, [Data(D)] double[] x, [Data(K)] double[] y)
        => 0.5 * Sum(K, c => Sq(Sum(H, j => V[c, j] * Math.Tanh(Sum(D, k => W[j, k] * x[k]))) - y[c]));
}
