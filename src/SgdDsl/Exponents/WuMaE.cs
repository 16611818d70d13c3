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
    /// <summary>Largest r for which Σ is formed and eigen-decomposed (r² entries, O(M·r² + r³)).</summary>
    public const int DenseDimension = 128;

    /// <summary>Most Lanczos steps for λ_max(Σ) above <see cref="DenseDimension"/>; each costs about 6·r·M multiply-adds.</summary>
    public const int MaxIterations = 150;

    /// <summary>Relative residual at which the Lanczos value of λ_max(Σ) is taken as converged.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>
    /// a = the largest of <paramref name="meanSpectrum"/> and s = √λ_max(Σ): Σ formed up to r = <see cref="DenseDimension"/>,
    /// above it applied through the factors (Σv = (1/N) Σ_i W_i C_i W_iᵀ v − K(Kv), C_i = S_i W_iᵀW_i S_i) and its top
    /// eigenvalue found by Lanczos to <see cref="Tolerance"/> (at most <see cref="MaxIterations"/> steps: a Ritz value,
    /// never above the true one).
    /// </summary>
    public static (double Sharpness, double NonUniformity) Compute(RestrictedHessians hessians, double[] meanSpectrum)
    {
        var r = hessians.Dimension;
        if (r == 0)
            return (0.0, 0.0);
        var top = r <= DenseDimension ? DenseTop(hessians) : LanczosTop(hessians);
        return (meanSpectrum[^1], Math.Sqrt(Math.Max(top, 0.0)));
    }

    internal static double DenseTop(RestrictedHessians hessians)
    {
        var r = hessians.Dimension;
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
                    var c = hessians.Scale(a) * hessians.Scale(b) * VectorKernels.Dot(wa, wb) / hessians.Count;
                    for (var p = 0; p < r; p++)
                        VectorKernels.AddScaled(c * wa[p], wb, sigma.AsSpan(p * r, r));
                }
            }
        }
        var k2 = Matrix<double>.Build.Dense(r, r, hessians.Mean);
        var matrix = Matrix<double>.Build.Dense(r, r, sigma) - k2 * k2;
        matrix = 0.5 * (matrix + matrix.Transpose());
        return matrix.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Max();
    }

    internal static double LanczosTop(RestrictedHessians hessians)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        // C_i = S_i (W_iᵀ W_i) S_i / N, row-major m_i × m_i, one after another.
        var blocks = new List<double[]>();
        for (var i = 0; i < n; i++)
        {
            var (start, end) = hessians.FactorRange(i);
            var m = end - start;
            var c = new double[m * m];
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++)
                    c[a * m + b] = hessians.Scale(start + a) * hessians.Scale(start + b) * VectorKernels.Dot(hessians.Direction(start + a), hessians.Direction(start + b)) / n;
            }
            blocks.Add(c);
        }
        var projections = new double[hessians.Scales.Length];
        var kv = new double[r];
        var kkv = new double[r];

        void Apply(double[] v, double[] result)
        {
            Array.Clear(result);
            // (1/N) Σ_i K_i² v.
            for (var j = 0; j < projections.Length; j++)
                projections[j] = VectorKernels.Dot(hessians.Direction(j), v);
            for (var i = 0; i < n; i++)
            {
                var (start, end) = hessians.FactorRange(i);
                var m = end - start;
                var c = blocks[i];
                for (var a = 0; a < m; a++)
                {
                    var sum = 0.0;
                    for (var b = 0; b < m; b++)
                        sum += c[a * m + b] * projections[start + b];
                    VectorKernels.AddScaled(sum, hessians.Direction(start + a), result);
                }
            }
            // − K(Kv), K = (1/N) Σ_j s_j w_j w_jᵀ.
            MeanTimes(hessians, v, kv, projections);
            MeanTimes(hessians, kv, kkv, projections);
            VectorKernels.AddScaled(-1.0, kkv, result);
        }

        return Lanczos.LargestEigenvalue(Apply, r, MaxIterations, Tolerance);
    }

    /// <summary>result = K v through the factors (<paramref name="scratch"/>: one entry per factor).</summary>
    private static void MeanTimes(RestrictedHessians hessians, double[] v, double[] result, double[] scratch)
    {
        Array.Clear(result);
        for (var j = 0; j < scratch.Length; j++)
            VectorKernels.AddScaled(hessians.Scale(j) * VectorKernels.Dot(hessians.Direction(j), v) / hessians.Count, hessians.Direction(j), result);
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
