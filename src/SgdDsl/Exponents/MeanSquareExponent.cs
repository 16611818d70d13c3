using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearization;

namespace SgdDsl.Exponents;

/// <summary>
/// ½ log ρ(E[A_ξ ⊗ A_ξ]) on N: the growth rate of E‖v‖², an upper bound on λ by Jensen's inequality.
/// The operator X ↦ E[A_ξ X A_ξ] = X − η(KX + XK) + η² E[K_ξ X K_ξ] on r×r matrices is self-adjoint for the
/// Frobenius product (every A_ξ is symmetric), so ρ comes from a symmetric r²×r² eigen-decomposition. The second
/// moment needs only pair probabilities: E[K_ξ X K_ξ] = α S(X) + β K X K with S(X) = (1/N) Σ K_i X K_i and
/// α = (N−B)/(B(N−1)), β = N(B−1)/(B(N−1)) for subsets without replacement; α = 1/B, β = (B−1)/B with replacement.
/// </summary>
internal static class MeanSquareExponent
{
    // The r²×r² eigen-decomposition costs r⁶ and the moment N·r⁴: beyond these limits (about a second) skip it.
    public const int MaxDimension = 24;
    private const double MaxMomentWork = 4e8;

    /// <summary>The bound, or null for reshuffling (steps not independent) or when too costly.</summary>
    public static double? Compute(RestrictedHessians hessians, double eta, int batchSize, BatchSampling sampling)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        if (sampling == BatchSampling.Reshuffling || r > MaxDimension || (double)n * r * r * r * r > MaxMomentWork)
            return null;
        if (r == 0)
            return double.NegativeInfinity;

        double alpha, beta;
        if (sampling == BatchSampling.WithReplacement)
            (alpha, beta) = (1.0 / batchSize, (batchSize - 1.0) / batchSize);
        else if (n == 1)
            (alpha, beta) = (0.0, 1.0);
        else
            (alpha, beta) = ((n - batchSize) / (batchSize * (n - 1.0)), n * (batchSize - 1.0) / (batchSize * (n - 1.0)));

        // Row-major vectorization: X ↦ P X Q has matrix entries P[a,c]·Q[b,d] at ((a,b),(c,d)).
        var size = r * r;
        var op = new double[size, size];
        var mean = hessians.Mean;
        for (var i = 0; i < n; i++)
        {
            var k = hessians.Dense(i);
            AddKronecker(op, k, k, eta * eta * alpha / n, r);
        }
        AddKronecker(op, mean, mean, eta * eta * beta, r);
        var identity = new double[size];
        for (var a = 0; a < r; a++)
            identity[a * r + a] = 1.0;
        AddKronecker(op, identity, identity, 1.0, r);
        AddKronecker(op, mean, identity, -eta, r);
        AddKronecker(op, identity, mean, -eta, r);

        var evd = Matrix<double>.Build.DenseOfArray(op).Evd(Symmetricity.Symmetric);
        var rho = 0.0;
        for (var j = 0; j < size; j++)
            rho = Math.Max(rho, Math.Abs(evd.EigenValues[j].Real));
        return 0.5 * Math.Log(rho);
    }

    private static void AddKronecker(double[,] op, double[] p, double[] q, double weight, int r)
    {
        for (var a = 0; a < r; a++)
        for (var b = 0; b < r; b++)
        for (var c = 0; c < r; c++)
        {
            var pac = weight * p[a * r + c];
            if (pac == 0.0)
                continue;
            for (var d = 0; d < r; d++)
                op[a * r + b, c * r + d] += pac * q[b * r + d];
        }
    }
}
