using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Cli.BuiltIn;

/// <summary>
/// Two outputs f_c = a·w_c·x with targets y_c: the vector squared-residual form (K = 2). Each sample's Jacobian
/// x·[[w_0, a, 0], [w_1, 0, a]] has rank 2, so N is 2-dimensional and the minima a·w_c = t_c form a curve.
/// </summary>
[SgdModel]
public static partial class TwoOutputScaling
{
    [Loss]
    static double Loss([Param] double a, [Param(2)] double[] w, double x, [Data(2)] double[] y)
        => 0.5 * Sum(2, c => Sq(a * w[c] * x - y[c]));
}
