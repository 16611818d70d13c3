using SgdDsl;
using static SgdDsl.Dsl;

namespace MinimaSelection;

/// <summary>
/// A 64–32–1 tanh network on 8×8 digit images, f(x) = Σ_j v_j tanh(Σ_k W_jk x_k), with the half-square loss against a
/// ±1 target: d = 32·64 + 32 = 2,080 parameters, no biases (the pixels' zero background needs none to interpolate).
/// </summary>
[SgdModel]
public static partial class DigitsNet
{
    /// <summary>Hidden units H and pixels D.</summary>
    public const int H = 32, D = 64;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
}
