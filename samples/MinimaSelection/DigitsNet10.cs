using SgdDsl;
using static SgdDsl.Dsl;

namespace MinimaSelection;

/// <summary>
/// The 10-output variant: f_c(x) = Σ_j V_cj tanh(Σ_k W_jk x_k) against one-hot targets y, with ℓ = ½ Σ_c (f_c − y_c)²,
/// the vector residual form (K = 10 outputs): d = 32·64 + 10·32 = 2,368.
/// </summary>
[SgdModel]
public static partial class DigitsNet10
{
    /// <summary>Hidden units H, pixels D and classes K.</summary>
    public const int H = 32, D = 64, K = 10;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(K, H)] double[,] V, [Data(D)] double[] x, [Data(K)] double[] y)
        => 0.5 * Sum(K, c => Sq(Sum(H, j => V[c, j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y[c]));
}
