using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;

namespace SgdDsl.Exponents;

/// <summary>
/// The second-moment operator T(X) = E[A_ξ X A_ξ] on symmetric r×r matrices, applied without forming its r²×r²
/// matrix: T(X) = X − η(KX + XK) + η²(α S(X) + β KXK), S(X) = (1/N) Σ K_i X K_i evaluated through the factors of
/// K_i (O(N·rank²·r²) per application). α, β are the pair probabilities of the sampling scheme (see
/// <see cref="MeanSquareExponent"/>).
/// </summary>
internal sealed class SecondMoment
{
    private readonly RestrictedHessians hessians;
    private readonly Matrix<double> mean;
    private readonly double eta;
    private readonly double alpha;
    private readonly double beta;

    public SecondMoment(RestrictedHessians hessians, double eta, double alpha, double beta)
    {
        this.hessians = hessians;
        this.eta = eta;
        this.alpha = alpha;
        this.beta = beta;
        var r = hessians.Dimension;
        mean = Matrix<double>.Build.Dense(r, r, hessians.Mean); // symmetric, so column-major = row-major
    }

    public int Dimension => hessians.Dimension;

    public Matrix<double> Apply(Matrix<double> x)
    {
        var r = Dimension;
        var kx = mean * x;
        var result = x - eta * (kx + kx.Transpose()) + eta * eta * beta * (kx * mean);
        var s = Matrix<double>.Build.Dense(r, r);
        var xw = new List<double[]>();
        var weight = eta * eta * alpha / hessians.Count;
        for (var i = 0; i < hessians.Count; i++)
        {
            var (start, end) = hessians.FactorRange(i);
            xw.Clear();
            for (var j = start; j < end; j++)
            {
                var w = hessians.Direction(j);
                var v = new double[r];
                for (var a = 0; a < r; a++)
                {
                    var sum = 0.0;
                    for (var b = 0; b < r; b++)
                        sum += x[a, b] * w[b];
                    v[a] = sum;
                }
                xw.Add(v);
            }
            // K_i X K_i = Σ_{a,b} s_a s_b (w_aᵀ X w_b) w_a w_bᵀ.
            for (var a = start; a < end; a++)
            {
                var wa = hessians.Direction(a);
                for (var b = start; b < end; b++)
                {
                    var xb = xw[b - start];
                    var dot = 0.0;
                    for (var k = 0; k < r; k++)
                        dot += wa[k] * xb[k];
                    var c = weight * hessians.Scale(a) * hessians.Scale(b) * dot;
                    if (c == 0.0)
                        continue;
                    var wb = hessians.Direction(b);
                    for (var p = 0; p < r; p++)
                    {
                        var cp = c * wa[p];
                        for (var q = 0; q < r; q++)
                            s[p, q] += cp * wb[q];
                    }
                }
            }
        }
        return result + s;
    }

    /// <summary>
    /// An upper bound on ρ(T) by power iteration from I and the cone bound: T preserves positive semidefinite
    /// matrices, so for any X ≻ 0 with T(X) ≼ cX, ρ(T) ≤ c = λ_max(X^(−1/2) T(X) X^(−1/2)). The iterate is shifted by
    /// a small multiple of I to keep it definite; the smallest c seen is returned, with the Rayleigh quotient (a lower
    /// bound on ρ) for reference.
    /// </summary>
    public (double Upper, double Lower) SpectralRadiusBounds(int maxIterations, double relativeGap)
    {
        var r = Dimension;
        var x = Matrix<double>.Build.DenseIdentity(r) / Math.Sqrt(r);
        var upper = double.PositiveInfinity;
        var lower = 0.0;
        for (var it = 1; it <= maxIterations; it++)
        {
            var tx = Apply(x);
            lower = Math.Max(lower, x.PointwiseMultiply(tx).RowSums().Sum() / x.PointwiseMultiply(x).RowSums().Sum());
            if (it % 10 == 0 || it == maxIterations)
            {
                upper = Math.Min(upper, ConeBound(x));
                if (upper - lower <= relativeGap * upper)
                    break;
            }
            var norm = tx.FrobeniusNorm();
            if (norm == 0.0)
                return (0.0, 0.0);
            x = tx / norm;
        }
        return (upper, lower);
    }

    private double ConeBound(Matrix<double> x)
    {
        var r = Dimension;
        var shifted = x + 1e-6 * x.FrobeniusNorm() * Matrix<double>.Build.DenseIdentity(r);
        var evd = shifted.Evd(Symmetricity.Symmetric);
        var inverseRoot = Matrix<double>.Build.Dense(r, r);
        for (var j = 0; j < r; j++)
        {
            var value = evd.EigenValues[j].Real;
            if (!(value > 0.0))
                return double.PositiveInfinity;
            var column = evd.EigenVectors.Column(j);
            inverseRoot += column.OuterProduct(column) / Math.Sqrt(value);
        }
        var tx = Apply(shifted);
        var m = inverseRoot * tx * inverseRoot;
        m = 0.5 * (m + m.Transpose());
        var top = m.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).Max();
        // Round-off of the r×r products, relative: keeps the bound an upper bound.
        return top * (1.0 + 1e-12 * r);
    }
}
