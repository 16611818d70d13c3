using System.Globalization;

namespace SgdDsl.Rendering;

/// <summary>Invariant-culture number formatting shared by the renderers.</summary>
internal static class Numbers
{
    /// <summary>Shortest round-trip form, so a reader can paste the number back exactly.</summary>
    public static string Exact(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Six significant digits, −∞ and ∞ spelled out.</summary>
    public static string Short(double x) =>
        double.IsNegativeInfinity(x) ? "−∞" : double.IsPositiveInfinity(x) ? "∞" : x.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Three significant digits for tolerances and small residuals.</summary>
    public static string Tiny(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
}
