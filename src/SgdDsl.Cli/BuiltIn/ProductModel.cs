using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Cli.BuiltIn;

/// <summary>ℓ = ½(a·b·x − y)²; with data y = c·x its minima form the hyperbola a·b = c.</summary>
[SgdModel]
public static partial class ProductModel
{
    [Loss]
    static double Loss([Param] double a, [Param] double b, double x, double y)
        => 0.5 * Sq(a * b * x - y);
}
