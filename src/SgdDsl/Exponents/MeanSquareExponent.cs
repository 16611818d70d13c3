using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;

namespace SgdDsl.Exponents;

/// <summary>
/// ½ log ρ(E[A_ξ ⊗ A_ξ]) on N: the growth rate of E‖v‖², an upper bound on λ by Jensen's inequality.
/// The operator X ↦ E[A_ξ X A_ξ] = X − η(KX + XK) + η² E[K_ξ X K_ξ] on r×r matrices is self-adjoint for the
/// Frobenius product (every A_ξ is symmetric), so ρ comes from a symmetric r²×r² eigen-decomposition. The second
/// moment needs only pair probabilities: E[K_ξ X K_ξ] = α S(X) + β K X K with S(X) = (1/N) Σ K_i X K_i and
/// α = (N−B)/(B(N−1)), β = N(B−1)/(B(N−1)) for subsets without replacement; α = 1/B, β = (B−1)/B with replacement.
/// (Equivalently E[A⊗A] = (1 − α)(I − ηK)^⊗2 + α (1/N) Σ (I − ηK_i)^⊗2 without replacement, the p = α.)
/// Above <see cref="MaxDimension"/> the operator is never formed: <see cref="SecondMoment"/> bounds ρ from above
/// iteratively, so the result stays a valid upper bound on λ.
/// </summary>
internal static class MeanSquareExponent
{
    // The r²×r² eigen-decomposition costs r⁶ and the moment N·r⁴: beyond these limits (about a second) skip it.
    public const int MaxDimension = 24;
    private const double MaxMomentWork = 4e8;

    // One application of the iterative operator: N·rank²·r² + r³ multiply-adds; 300 of them stay near a second.
    private const double MaxApplicationWork = 1e7;
    private const int MaxIterations = 300;

    /// <summary>The bound, or null for reshuffling (steps not independent) or when too costly.</summary>
    public static double? Compute(RestrictedHessians hessians, double eta, int batchSize, BatchSampling sampling)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        if (sampling == BatchSampling.Reshuffling)
            return null;
        if (r == 0)
            return double.NegativeInfinity;
        var (alpha, beta) = PairWeights(n, batchSize, sampling);
        if (r > MaxDimension || (double)n * r * r * r * r > MaxMomentWork)
        {
            double factorWork = 0;
            for (var i = 0; i < n; i++)
                factorWork += (double)hessians.Rank(i) * hessians.Rank(i);
            if (factorWork * r * r + (double)r * r * r > MaxApplicationWork)
                return null;
            var (upper, _) = new SecondMoment(hessians, eta, alpha, beta).SpectralRadiusBounds(MaxIterations, 1e-6);
            return double.IsFinite(upper) ? 0.5 * Math.Log(upper) : null;
        }
        return Dense(hessians, eta, alpha, beta);
    }

    /// <summary>α (weight of S(X)) and β (weight of KXK) in E[K_ξ X K_ξ].</summary>
    public static (double Alpha, double Beta) PairWeights(int n, int batchSize, BatchSampling sampling)
    {
        if (sampling == BatchSampling.WithReplacement)
            return (1.0 / batchSize, (batchSize - 1.0) / batchSize);
        if (n == 1)
            return (0.0, 1.0);
        return ((n - batchSize) / (batchSize * (n - 1.0)), n * (batchSize - 1.0) / (batchSize * (n - 1.0)));
    }

    private static double Dense(RestrictedHessians hessians, double eta, double alpha, double beta)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;

        // The operator is built divided by s = max(1, η·‖K‖)² (‖K‖: the largest entry of any K_i), so its entries
        // stay finite however large η·h is; log ρ = log s + log ρ(op / s).
        var largest = 0.0;
        for (var i = 0; i < n; i++)
            largest = Math.Max(largest, hessians.Dense(i).Max(Math.Abs));
        var root = Math.Max(1.0, eta * largest);
        var (e1, e2) = (eta / root, eta / root * (eta / root));

        // Row-major vectorization: X ↦ P X Q has matrix entries P[a,c]·Q[b,d] at ((a,b),(c,d)).
        var size = r * r;
        var op = new double[size, size];
        var mean = hessians.Mean;
        for (var i = 0; i < n; i++)
        {
            var k = hessians.Dense(i);
            AddKronecker(op, k, k, e2 * alpha / n, r);
        }
        AddKronecker(op, mean, mean, e2 * beta, r);
        var identity = new double[size];
        for (var a = 0; a < r; a++)
            identity[a * r + a] = 1.0;
        AddKronecker(op, identity, identity, 1.0 / (root * root), r);
        AddKronecker(op, mean, identity, -e1 / root, r);
        AddKronecker(op, identity, mean, -e1 / root, r);

        var evd = Matrix<double>.Build.DenseOfArray(op).Evd(Symmetricity.Symmetric);
        var rho = 0.0;
        for (var j = 0; j < size; j++)
            rho = Math.Max(rho, Math.Abs(evd.EigenValues[j].Real));
        return Math.Log(root) + 0.5 * Math.Log(rho);
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
