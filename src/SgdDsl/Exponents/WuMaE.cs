using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;
using SgdDsl.Numerics;

namespace SgdDsl.Exponents;

/// <summary>
/// The quantities of Wu, Ma and E (NeurIPS 2018): sharpness a = λ_max(K), non-uniformity s = √λ_max(Σ) with
/// Σ = (1/N) Σ K_i² − K², and the thresholds of their necessary conditions for mean-square stability,
/// a ≤ 2/η and s ≤ (1/η)·√(B(N−1)/(N−B)) (B-subsets; √B/η with replacement, where E(1−ηk_ξ)² = (1−ηa)² + η²s²/B).
/// </summary>
internal static class WuMaE
{
    /// <summary>
    /// Largest r for which Σ is formed (r×r, N·rank²·r² work) and eigen-decomposed; above it λ_max(Σ) comes from Lanczos
    /// on v ↦ (1/N) Σ K_i(K_i v) − K(K v), O(N·rank·r) per product, never an r×r matrix.
    /// </summary>
    public const int DenseLimit = 200;

    /// <summary>Relative residual at which the Lanczos estimate of λ_max(Σ) stops: s to about 1e-8 relative.</summary>
    public const double LanczosTolerance = 1e-8;

    public static (double Sharpness, double NonUniformity) Compute(RestrictedHessians hessians, double[] meanSpectrum)
    {
        var r = hessians.Dimension;
        if (r == 0)
            return (0.0, 0.0);
        if (r > DenseLimit)
            return (meanSpectrum[^1], Math.Sqrt(Math.Max(TopByLanczos(hessians), 0.0)));
        var sigma = new double[r * r];
        for (var i = 0; i < hessians.Count; i++)
        {
            var (start, end) = hessians.FactorRange(i);
            // K_i² = Σ_{a,b} s_a s_b (w_a·w_b) w_a w_bᵀ.
            for (var a = start; a < end; a++)
            {
                var wa = hessians.Direction(a);
                for (var b = start; b < end; b++)
                {
                    var wb = hessians.Direction(b);
                    var dot = 0.0;
                    for (var k = 0; k < r; k++)
                        dot += wa[k] * wb[k];
                    var c = hessians.Scale(a) * hessians.Scale(b) * dot / hessians.Count;
                    for (var p = 0; p < r; p++)
                    {
                        for (var q = 0; q < r; q++)
                            sigma[p * r + q] += c * wa[p] * wb[q];
                    }
                }
            }
        }
        var k2 = Matrix<double>.Build.Dense(r, r, hessians.Mean);
        var matrix = Matrix<double>.Build.Dense(r, r, sigma) - k2 * k2;
        matrix = 0.5 * (matrix + matrix.Transpose());
        var top = matrix.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Max();
        return (meanSpectrum[^1], Math.Sqrt(Math.Max(top, 0.0)));
    }

    /// <summary>λ_max(Σ) by Lanczos on Σ v = (1/N) Σ_i K_i(K_i v) − K(K v) (Σ is PSD: a covariance of the K_i).</summary>
    private static double TopByLanczos(RestrictedHessians hessians)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        var mean = new double[r];
        var ki = new double[r];
        var kk = new double[r];
        void Apply(double[] v, double[] result)
        {
            Array.Clear(result);
            Array.Clear(mean);
            for (var i = 0; i < n; i++)
            {
                Array.Clear(ki);
                hessians.AddProduct(i, v, ki);
                VectorKernels.AddScaled(1.0 / n, ki, mean);
                hessians.AddProduct(i, ki, result);
            }
            Array.Clear(kk);
            for (var i = 0; i < n; i++)
                hessians.AddProduct(i, mean, kk);
            for (var k = 0; k < r; k++)
                result[k] = result[k] / n - kk[k] / n;
        }
        // A fixed start (all ones plus a ramp) keeps the result the same from run to run.
        var start = Enumerable.Range(0, r).Select(k => 1.0 + 0.5 * Math.Sin(k + 1.0)).ToArray();
        var result = SymmetricLanczos.Run(r, Apply, start, 300, 1e-13, LanczosTolerance, vectors: false);
        return result.Values[^1];
    }

    /// <summary>2/η.</summary>
    public static double SharpnessThreshold(double eta) => 2.0 / eta;

    /// <summary>(1/η)·√(B(N−1)/(N−B)) for B-subsets and reshuffling, √B/η with replacement; ∞ when every step uses all samples.</summary>
    public static double NonUniformityThreshold(double eta, int n, int b, BatchSampling sampling)
    {
        if (sampling == BatchSampling.WithReplacement)
            return Math.Sqrt(b) / eta;
        if (b >= n)
            return double.PositiveInfinity;
        return Math.Sqrt(b * (n - 1.0) / (n - b)) / eta;
    }
}
