using SgdDsl;
using static SgdDsl.Dsl;

namespace ProductModelSample;

/// <summary>ℓ = ½(a·b·x − y)²: the minima with data y = c·x form the hyperbola a·b = c.</summary>
[SgdModel]
public static partial class ProductModel
{
    [Loss]
    static double Loss([Param] double a, [Param] double b, double x, double y)
        => 0.5 * Sq(a * b * x - y);
}
