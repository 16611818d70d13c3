using SgdDsl;
using static SgdDsl.Dsl;

namespace TwoLayerTanhSample;

/// <summary>A two-layer tanh network f(x) = Σ_j v_j tanh(Σ_k W_jk x_k) with squared loss: d = H·D + H parameters.</summary>
[SgdModel]
public static partial class TwoLayerTanh
{
    public const int H = 16, D = 4;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}
