using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Benchmarks.Models;

/// <summary>f = x·Π_k w_k, a deep linear chain of D = 200 factors, with squared loss; d = 200, a sample is (x, y).</summary>
[SgdModel]
public static partial class ProductChain
{
    public const int D = 200;

    [Loss]
    static double Loss([Param(D)] double[] w, double x, double y) => 0.5 * Sq(Prod(D, k => w[k]) * x - y);
}
