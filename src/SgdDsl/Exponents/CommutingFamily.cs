using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;
using SgdDsl.Numerics;

namespace SgdDsl.Exponents;

/// <summary>
/// Decides whether the restricted Hessians K_i commute and, if so, gives their eigenvalues h_i^(j) in a common
/// eigenbasis. A fixed generic combination M = Σ c_i K_i (c_i spread in [1, 2)) has the joint eigenspaces as its
/// eigenspaces when the K_i commute, so they commute exactly when every VᵀK_iV (V the eigenvectors of M) is diagonal;
/// off-diagonal entries up to <see cref="RelativeTolerance"/> × max‖K_i‖ count as round-off.
/// </summary>
internal static class CommutingFamily
{
    /// <summary>Relative off-diagonal size tolerated: far above the 1e-16·r error of a symmetric eigen-decomposition.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>Above this r a commutator screen (O(r·M)) runs before the O(M·r² + r³) decision.</summary>
    public const int ScreenDimension = 16;

    /// <summary>
    /// ‖[A, B] x‖ &gt; 1e-6 · (‖ABx‖ + ‖BAx‖) for two fixed generic combinations A = Σ a_i K_i, B = Σ b_i K_i and a
    /// fixed x: [A, B] = Σ a_i b_j [K_i, K_j] vanishes for every a, b exactly when the K_i commute, and a non-zero
    /// commutator is missed only on a measure-zero set of (a, b, x). The products' round-off is at most about
    /// ε·τ(A)τ(B)‖x‖ (τ the sum of the factors' |s|‖w‖², a trace-norm bound), so a commutator below 1e3 times that counts as
    /// zero whatever the first test says. (τ itself is no scale for the first test: at r = 5,000 it exceeds ‖A‖ by the
    /// rank, and 1e-6·τ(A)τ(B) passed non-commuting families.) Four products through the factors, 8·r·M multiply-adds,
    /// so the eigen-decomposition is paid only by families that may commute.
    /// </summary>
    private static bool CommutatorIsLarge(RestrictedHessians hessians)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        var a = new double[n];
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = 1.0 + (i + 1) * 0.7548776662466927 % 1.0;
            b[i] = 1.0 + (i + 1) * 0.5698402909980532 % 1.0 * Math.Sin(i + 0.5);
        }
        var x = new double[r];
        for (var k = 0; k < r; k++)
            x[k] = Math.Cos(1.3 * k + 0.2);
        var ax = Combination(hessians, a, x);
        var bx = Combination(hessians, b, x);
        var abx = Combination(hessians, a, bx);
        var bax = Combination(hessians, b, ax);
        var size = EuclideanNorm.Of(abx) + EuclideanNorm.Of(bax);
        VectorKernels.AddScaled(-1.0, bax, abx);
        var commutator = EuclideanNorm.Of(abx);
        double TraceBound(double[] c)
        {
            // ‖Σ c_i K_i‖ ≤ Σ |c_i| Σ_j |s_j| ‖w_j‖².
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var (start, end) = hessians.FactorRange(i);
                for (var f = start; f < end; f++)
                    sum += Math.Abs(c[i] * hessians.Scale(f)) * VectorKernels.Dot(hessians.Direction(f), hessians.Direction(f));
            }
            return sum;
        }
        const double epsilon = 2.220446049250313e-16; // 2⁻⁵², the spacing of doubles at 1
        var roundOff = 1e3 * epsilon * TraceBound(a) * TraceBound(b) * EuclideanNorm.Of(x);
        return commutator > 1e-6 * size && commutator > roundOff;
    }

    /// <summary>(Σ_i c_i K_i) v through the factors.</summary>
    private static double[] Combination(RestrictedHessians hessians, double[] c, double[] v)
    {
        var result = new double[hessians.Dimension];
        for (var i = 0; i < hessians.Count; i++)
        {
            var (start, end) = hessians.FactorRange(i);
            for (var f = start; f < end; f++)
                VectorKernels.AddScaled(c[i] * hessians.Scale(f) * VectorKernels.Dot(hessians.Direction(f), v), hessians.Direction(f), result);
        }
        return result;
    }

    /// <summary>h[j][i] = the eigenvalue of K_i on common eigenvector j; null when the K_i do not commute.</summary>
    public static double[][]? JointCurvatures(RestrictedHessians hessians)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        if (r == 0)
            return [];
        if (r > ScreenDimension && CommutatorIsLarge(hessians))
            return null;
        var m = new double[r * r];
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            var c = 1.0 + (i + 1) * 0.6180339887498949 % 1.0;
            var (start, end) = hessians.FactorRange(i);
            var norm = 0.0;
            for (var f = start; f < end; f++)
            {
                var w = hessians.Direction(f);
                var s = hessians.Scale(f);
                var w2 = 0.0;
                for (var a = 0; a < r; a++)
                {
                    w2 += w[a] * w[a];
                    for (var b = 0; b < r; b++)
                        m[a * r + b] += c * s * w[a] * w[b];
                }
                norm += Math.Abs(s) * w2;
            }
            largest = Math.Max(largest, norm);
        }
        var v = Matrix<double>.Build.Dense(r, r, m).Evd(Symmetricity.Symmetric).EigenVectors;
        var h = new double[r][];
        for (var j = 0; j < r; j++)
            h[j] = new double[n];
        var u = new double[r];
        var d = new double[r * r];
        var cut = RelativeTolerance * Math.Max(largest, double.Epsilon);
        for (var i = 0; i < n; i++)
        {
            Array.Clear(d);
            var (start, end) = hessians.FactorRange(i);
            for (var f = start; f < end; f++)
            {
                var w = hessians.Direction(f);
                for (var j = 0; j < r; j++)
                {
                    var sum = 0.0;
                    for (var a = 0; a < r; a++)
                        sum += v[a, j] * w[a];
                    u[j] = sum;
                }
                var s = hessians.Scale(f);
                for (var a = 0; a < r; a++)
                {
                    for (var b = 0; b < r; b++)
                        d[a * r + b] += s * u[a] * u[b];
                }
            }
            for (var a = 0; a < r; a++)
            {
                for (var b = 0; b < r; b++)
                {
                    if (a != b && Math.Abs(d[a * r + b]) > cut)
                        return null;
                }
                h[a][i] = d[a * r + a];
            }
        }
        return h;
    }
}
