using System.Globalization;

namespace MinimaSelection;

/// <summary>Invariant-culture number formats for the table and the charts.</summary>
internal static class Numbers
{
    public static string Short(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    public static string G(double x, int digits = 3) =>
        double.IsPositiveInfinity(x) ? "∞" : double.IsNegativeInfinity(x) ? "−∞" : x.ToString("G" + digits, CultureInfo.InvariantCulture);

    public static string Fixed(double x, int decimals) => x.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
