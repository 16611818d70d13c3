using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;

namespace SgdDsl.Exponents;

/// <summary>
/// ½ log ρ(E[A_ξ ⊗ A_ξ]) on N: the growth rate of E‖v‖², an upper bound on λ by Jensen's inequality.
/// The operator X ↦ E[A_ξ X A_ξ] = X − η(KX + XK) + η² E[K_ξ X K_ξ] on r×r matrices is self-adjoint for the
/// Frobenius product (every A_ξ is symmetric). The second moment needs only pair probabilities:
/// E[K_ξ X K_ξ] = α S(X) + β K X K with S(X) = (1/N) Σ K_i X K_i and α = (N−B)/(B(N−1)), β = N(B−1)/(B(N−1)) for
/// subsets without replacement; α = 1/B, β = (B−1)/B with replacement. (Equivalently E[A⊗A] = (1 − α)(I − ηK)^⊗2 +
/// α (1/N) Σ (I − ηK_i)^⊗2 without replacement, the p = α.)
/// <para>
/// Up to r = <see cref="DenseDimension"/> the r²×r² matrix is formed and eigen-decomposed (exact to round-off, at most
/// a 64×64 matrix). Above it the operator is never formed: <see cref="SecondMoment"/> applies it through the low-rank
/// factors of the K_i (r²·(1 + 2M) multiply-adds, M = Σ rank K_i) and bounds ρ from above by Lanczos and the cone
/// bound, so the result stays a valid upper bound on λ, within a relative 1e-6 of ρ when the iteration converges.
/// Cost cap: at most <see cref="MaxWork"/> multiply-adds (about 20–40 ms) and <see cref="MaxIterations"/>
/// applications; when fewer than <see cref="MinIterations"/> applications fit (r·√M ≳ 300, e.g. r = M = 1,000), the
/// bound is skipped (reported as +∞ with a finding) rather than paid for.
/// </para>
/// </summary>
internal static class MeanSquareExponent
{
    /// <summary>Largest r whose r²×r² operator is formed (64×64 at most).</summary>
    public const int DenseDimension = 8;

    /// <summary>Multiply-adds the iterative bound may spend: applications, reorthogonalization and cone bounds.</summary>
    public const double MaxWork = 5e7;

    /// <summary>Most Lanczos steps (the Krylov basis holds this many r×r matrices).</summary>
    public const int MaxIterations = 80;

    /// <summary>Fewest Lanczos steps worth taking; below this the bound is skipped.</summary>
    public const int MinIterations = 10;

    private const double MaxMomentWork = 4e8;

    /// <summary>The bound, or null for reshuffling (steps not independent) or when over the cost cap.</summary>
    public static double? Compute(RestrictedHessians hessians, double eta, int batchSize, BatchSampling sampling)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        if (sampling == BatchSampling.Reshuffling)
            return null;
        if (r == 0)
            return double.NegativeInfinity;
        var (alpha, beta) = PairWeights(n, batchSize, sampling);
        if (r <= DenseDimension && (double)n * r * r * r * r <= MaxMomentWork)
            return Dense(hessians, eta, alpha, beta);
        var iterations = AffordableIterations(hessians);
        if (iterations < MinIterations)
            return null;
        var (upper, _, _) = new SecondMoment(hessians, eta, alpha, beta).SpectralRadiusBounds(iterations, 1e-6);
        return double.IsFinite(upper) ? 0.5 * Math.Log(upper) : null;
    }

    /// <summary>
    /// Lanczos steps within <see cref="MaxWork"/>: each costs one application plus 4·j·r² for reorthogonalization
    /// (j ≤ the step count), and the eigenbasis of K and a few cone bounds cost about 30·r³.
    /// </summary>
    public static int AffordableIterations(RestrictedHessians hessians)
    {
        double r = hessians.Dimension;
        var application = SecondMoment.ApplicationWork(hessians);
        var budget = MaxWork - 30 * r * r * r;
        var iterations = 0;
        var spent = 0.0;
        while (iterations < MaxIterations)
        {
            var next = application + 4 * (iterations + 1) * r * r;
            if (spent + next > budget)
                break;
            spent += next;
            iterations++;
        }
        return iterations;
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

    /// <summary>The exact bound from the r²×r² operator (O(r⁶ + N·r⁴)): the path up to r = <see cref="DenseDimension"/>, and the independent check of <see cref="SecondMoment"/> in tests.</summary>
    internal static double Dense(RestrictedHessians hessians, double eta, double alpha, double beta)
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
