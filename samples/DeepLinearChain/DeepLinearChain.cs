using SgdDsl;
using static SgdDsl.Dsl;

namespace DeepLinearChainSample;

/// <summary>A deep linear chain of L scalars, f = w_1 w_2 ⋯ w_L x, with squared loss.</summary>
[SgdModel]
public static partial class DeepLinearChain
{
    public const int L = 4;

    [Loss]
    static double Loss([Param(L)] double[] w, double x, double y) => 0.5 * Sq(Prod(L, k => w[k]) * x - y);
}
