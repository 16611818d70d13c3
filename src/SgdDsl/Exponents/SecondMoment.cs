using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;
using SgdDsl.Numerics;

namespace SgdDsl.Exponents;

/// <summary>
/// The second-moment operator T(X) = E[A_ξ X A_ξ] on symmetric r×r matrices, applied without forming its r²×r²
/// matrix: T(X) = X − η(KX + XK) + η²(α S(X) + β KXK), S(X) = (1/N) Σ K_i X K_i (α, β: the pair probabilities of
/// the sampling scheme, see <see cref="MeanSquareExponent"/>). It works in the eigenbasis K = V D Vᵀ, where the terms
/// in K are one elementwise product, G∘X with G_ab = 1 − η(d_a + d_b) + η²β d_a d_b, and S(X) runs through the
/// rotated factors u_j = Vᵀw_j: K_i X K_i = U_i S_i (U_iᵀ X U_i) S_i U_iᵀ. One application costs about
/// r²·(1 + 2M) multiply-adds (M = Σ rank K_i), and T keeps its spectrum in the new coordinates.
/// </summary>
internal sealed class SecondMoment
{
    private readonly int r;
    private readonly double[] g;
    private readonly double[] rotated;
    private readonly double[] scales;
    private readonly int[] offsets;
    private readonly double weight;
    private readonly double[] images;

    public SecondMoment(RestrictedHessians hessians, double eta, double alpha, double beta)
    {
        r = hessians.Dimension;
        var evd = Matrix<double>.Build.Dense(r, r, (double[])hessians.Mean.Clone()).Evd(Symmetricity.Symmetric);
        var d = new double[r];
        for (var a = 0; a < r; a++)
            d[a] = evd.EigenValues[a].Real;
        g = new double[r * r];
        for (var a = 0; a < r; a++)
        {
            for (var b = 0; b < r; b++)
                g[a * r + b] = 1.0 - eta * (d[a] + d[b]) + eta * eta * beta * d[a] * d[b];
        }
        // Row a of Vᵀ is eigenvector a, so u_j[a] = v_a · w_j.
        var vt = new double[r * r];
        for (var a = 0; a < r; a++)
        {
            for (var b = 0; b < r; b++)
                vt[a * r + b] = evd.EigenVectors[b, a];
        }
        var m = hessians.Scales.Length;
        rotated = new double[m * r];
        for (var j = 0; j < m; j++)
        {
            var w = hessians.Direction(j);
            for (var a = 0; a < r; a++)
                rotated[j * r + a] = VectorKernels.Dot(vt.AsSpan(a * r, r), w);
        }
        scales = hessians.Scales.ToArray();
        offsets = hessians.Offsets.ToArray();
        weight = eta * eta * alpha / hessians.Count;
        var maxRank = 0;
        for (var i = 0; i + 1 < offsets.Length; i++)
            maxRank = Math.Max(maxRank, offsets[i + 1] - offsets[i]);
        images = new double[2 * maxRank * r];
    }

    public int Dimension => r;

    /// <summary>Multiply-adds of one <see cref="Apply"/>: r² for G∘X, then r²·m + r·m² + r²·m per sample of rank m.</summary>
    public static double ApplicationWork(RestrictedHessians hessians)
    {
        double r = hessians.Dimension;
        var work = r * r;
        for (var i = 0; i < hessians.Count; i++)
        {
            double m = hessians.Rank(i);
            work += 2 * r * r * m + r * m * m;
        }
        return work;
    }

    /// <summary>result = T(x) for a symmetric row-major r×r <paramref name="x"/> (in the eigenbasis of K).</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> result)
    {
        for (var k = 0; k < result.Length; k++)
            result[k] = g[k] * x[k];
        for (var i = 0; i + 1 < offsets.Length; i++)
        {
            var (start, end) = (offsets[i], offsets[i + 1]);
            var m = end - start;
            if (m == 0)
                continue;
            // Y_b = X u_b (X symmetric: row dots), then Z_b = weight Σ_a s_a s_b (u_a·Y_b) u_a, then result += Σ_b Z_b u_bᵀ.
            var y = images.AsSpan(0, m * r);
            var z = images.AsSpan(m * r, m * r);
            for (var b = 0; b < m; b++)
            {
                var u = rotated.AsSpan((start + b) * r, r);
                for (var a = 0; a < r; a++)
                    y[b * r + a] = VectorKernels.Dot(x.Slice(a * r, r), u);
            }
            z.Clear();
            for (var b = 0; b < m; b++)
            {
                for (var a = 0; a < m; a++)
                {
                    var ua = rotated.AsSpan((start + a) * r, r);
                    var c = weight * scales[start + a] * scales[start + b] * VectorKernels.Dot(ua, y.Slice(b * r, r));
                    VectorKernels.AddScaled(c, ua, z.Slice(b * r, r));
                }
            }
            for (var b = 0; b < m; b++)
            {
                var u = rotated.AsSpan((start + b) * r, r);
                for (var p = 0; p < r; p++)
                {
                    var zp = z[b * r + p];
                    if (zp != 0.0)
                        VectorKernels.AddScaled(zp, u, result.Slice(p * r, r));
                }
            }
        }
    }

    /// <summary>
    /// An upper bound on ρ(T) from at most <paramref name="maxIterations"/> applications, with the Lanczos Ritz value
    /// (a lower bound on ρ) for reference. T is self-adjoint for the Frobenius product (every A_ξ is symmetric) and
    /// preserves the positive semidefinite cone, so ρ(T) is its largest eigenvalue with a semidefinite eigenvector;
    /// Lanczos from I (full reorthogonalization) finds it, and the cone bound certifies it: for any X ≻ 0,
    /// ρ(T) ≤ λ_max(X^(−1/2) T(X) X^(−1/2)). The Ritz vector, with its eigenvalues floored at 1e-6 × its largest to
    /// make it definite, is that X. Stops once the two bounds are within <paramref name="relativeGap"/>. Applications
    /// counts every T(X), the cone bounds' included.
    /// </summary>
    public (double Upper, double Lower, int Applications) SpectralRadiusBounds(int maxIterations, double relativeGap)
    {
        var n = r * r;
        var q = new double[n];
        for (var a = 0; a < r; a++)
            q[a * r + a] = 1.0 / Math.Sqrt(r);
        var upper = double.PositiveInfinity;
        var lower = 0.0;
        var applications = 0;
        Lanczos.Run((v, w) =>
        {
            Apply(v, w);
            applications++;
            Symmetrize(w);
        }, q, maxIterations, check =>
        {
            lower = Math.Max(lower, check.Value);
            if (!check.Last && check.Residual > 0.1 * relativeGap * Math.Abs(check.Value)) return false;
            var x = new double[n];
            for (var i = 0; i < check.Basis.Count; i++)
                VectorKernels.AddScaled(check.Coefficients[i], check.Basis[i], x);
            upper = Math.Min(upper, ConeBound(x));
            applications++;
            return upper - lower <= relativeGap * upper;
        });
        return (upper, lower, applications);
    }

    /// <summary>λ_max(X₊^(−1/2) T(X₊) X₊^(−1/2)) for X₊ = X with its eigenvalues floored (sign fixed by the trace).</summary>
    private double ConeBound(double[] x)
    {
        var matrix = Matrix<double>.Build.Dense(r, r, x);
        if (matrix.Trace() < 0.0)
            matrix = -matrix;
        matrix = 0.5 * (matrix + matrix.Transpose());
        var evd = matrix.Evd(Symmetricity.Symmetric);
        var largest = evd.EigenValues.Select(v => v.Real).Max();
        if (!(largest > 0.0) || !double.IsFinite(largest))
            return double.PositiveInfinity;
        var floor = 1e-6 * largest;
        var values = evd.EigenValues.Select(v => Math.Max(v.Real, floor)).ToArray();
        var vectors = evd.EigenVectors;
        var definite = vectors * Matrix<double>.Build.DenseOfDiagonalArray(values) * vectors.Transpose();
        var inverseRoot = vectors * Matrix<double>.Build.DenseOfDiagonalArray(values.Select(v => 1.0 / Math.Sqrt(v)).ToArray()) * vectors.Transpose();
        definite = 0.5 * (definite + definite.Transpose());
        var image = new double[r * r];
        Apply(definite.ToColumnMajorArray(), image);
        var m = inverseRoot * Matrix<double>.Build.Dense(r, r, image) * inverseRoot;
        m = 0.5 * (m + m.Transpose());
        var top = m.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).Max();
        // Round-off of the r×r products, relative: keeps the bound an upper bound.
        return top * (1.0 + 1e-12 * r);
    }

    private void Symmetrize(double[] w)
    {
        for (var a = 0; a < r; a++)
        {
            for (var b = a + 1; b < r; b++)
            {
                var mean = 0.5 * (w[a * r + b] + w[b * r + a]);
                w[a * r + b] = w[b * r + a] = mean;
            }
        }
    }
}
