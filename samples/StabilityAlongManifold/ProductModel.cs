using SgdDsl;
using static SgdDsl.Dsl;

namespace StabilityAlongManifold;

/// <summary>ℓ = ½(a·b·x − y)²: with data y = x the minima form the hyperbola a·b = 1.</summary>
[SgdModel]
public static partial class ProductModel
{
    [Loss]
    static double Loss([Param] double a, [Param] double b, double x, double y)
        => 0.5 * Sq(a * b * x - y);
}
