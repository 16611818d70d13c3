using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;

namespace SgdDsl.Exponents;

/// <summary>
/// The quantities of Wu, Ma and E (NeurIPS 2018): sharpness a = λ_max(K), non-uniformity s = √λ_max(Σ) with
/// Σ = (1/N) Σ K_i² − K², and the thresholds of their necessary conditions for mean-square stability,
/// a ≤ 2/η and s ≤ (1/η)·√(B(N−1)/(N−B)) (B-subsets; √B/η with replacement, where E(1−ηk_ξ)² = (1−ηa)² + η²s²/B).
/// </summary>
internal static class WuMaE
{
    public static (double Sharpness, double NonUniformity) Compute(RestrictedHessians hessians, double[] meanSpectrum)
    {
        var r = hessians.Dimension;
        if (r == 0)
            return (0.0, 0.0);
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
