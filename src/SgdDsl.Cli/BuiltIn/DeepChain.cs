using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Cli.BuiltIn;

/// <summary>A depth-3 linear chain f = w1·w2·w3·x; minima {w1·w2·w3 = c} form a surface.</summary>
[SgdModel]
public static partial class DeepChain
{
    [Loss]
    static double Loss([Param] double w1, [Param] double w2, [Param] double w3, double x, double y)
        => 0.5 * Sq(w1 * w2 * w3 * x - y);
}
