using SgdDsl;
using static SgdDsl.Dsl;

namespace SgdDsl.Cli.BuiltIn;

/// <summary>Least squares with three weights: fewer samples than weights leave a plane of minima.</summary>
[SgdModel]
public static partial class LinearRegression
{
    [Loss]
    static double Loss([Param] double a, [Param] double b, [Param] double c, double x1, double x2, double x3, double y)
        => 0.5 * Sq(a * x1 + b * x2 + c * x3 - y);
}
