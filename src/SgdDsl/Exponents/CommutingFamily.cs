using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;

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

    /// <summary>h[j][i] = the eigenvalue of K_i on common eigenvector j; null when the K_i do not commute.</summary>
    public static double[][]? JointCurvatures(RestrictedHessians hessians)
    {
        var r = hessians.Dimension;
        var n = hessians.Count;
        if (r == 0)
            return [];
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
