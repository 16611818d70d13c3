using static SgdDsl.Dsl;

namespace SgdDsl.Tests.Models;

/// <summary>
/// A 4–5–3 tanh network with the squared loss over 3 outputs, ℓ = ½ Σ_c (Σ_j V_cj tanh(Σ_k W_jk x_k) − y_c)²: the vector
/// residual form, compared with the formula model typed from the same loss.
/// </summary>
[SgdModel]
public static partial class SmallMultiOutputNet
{
    public const int K = 3, H = 5, D = 4;

    /// <summary>The same loss as infix text, for <see cref="SgdDsl.Formulas.FormulaModel"/>.</summary>
    public const string Formula = "0.5*sum(c, 3, (sum(j, 5, V[c,j]*tanh(sum(k, 4, W[j,k]*x[k]))) - y[c])^2)";

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(K, H)] double[,] V, [Data(D)] double[] x, [Data(K)] double[] y)
        => 0.5 * Sum(K, c => Sq(Sum(H, j => V[c, j] * Math.Tanh(Sum(D, k => W[j, k] * x[k]))) - y[c]));
}

/// <summary>A product over an index, shifted subscripts and a data matrix: ℓ = (Π_k (1 + w_k X_{k,k+1}) − y)² + Σ_k (w_k w_{k+1})².</summary>
[SgdModel]
public static partial class ShiftedProductModel
{
    public const int D = 3;

    /// <summary>The same loss as infix text.</summary>
    public const string Formula = "(prod(k, 3, 1 + w[k]*X[k, k + 1]) - y)^2 + sum(k, 2, (w[k]*w[k + 1])^2)";

    [Loss]
    static double Loss([Param(D)] double[] w, [Data(D, D + 1)] double[,] X, double y)
        => Sq(Prod(D, k => 1 + w[k] * X[k, k + 1]) - y) + Sum(D - 1, k => Sq(w[k] * w[k + 1]));
}
