using System.Globalization;

namespace SgdDsl.Plots;

/// <summary>Numbers in titles and legends: short, invariant culture.</summary>
internal static class Format
{
    public static string Number(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Point(IEnumerable<double> point) => string.Join(", ", point.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)));
}
