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

/// <summary>
/// A 3–5–4–1 net with two tanh layers, ℓ = ½ (Σ_i v_i tanh(Σ_j U_ij tanh(Σ_k W_jk x_k)) − y)²: its H·v merges the
/// tangent adjoints of U into one row pass and writes each row of U's block as a·x + b·y (two-term row kernels).
/// </summary>
[SgdModel]
public static partial class TwoHiddenLayerNet
{
    public const int H1 = 5, H2 = 4, D = 3;

    /// <summary>The same loss as infix text.</summary>
    public const string Formula = "0.5*(sum(i, 4, v[i]*tanh(sum(j, 5, U[i,j]*tanh(sum(k, 3, W[j,k]*x[k]))))) - y)^2";

    [Loss]
    static double Loss([Param(H1, D)] double[,] W, [Param(H2, H1)] double[,] U, [Param(H2)] double[] v, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H2, i => v[i] * Tanh(Sum(H1, j => U[i, j] * Tanh(Sum(D, k => W[j, k] * x[k]))))) - y);
}
