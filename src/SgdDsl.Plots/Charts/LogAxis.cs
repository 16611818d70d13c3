using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace SgdDsl.Plots;

/// <summary>ScottPlot draws log scales by plotting log10 of the data and labelling the ticks with 10^tick.</summary>
internal static class LogAxis
{
    /// <param name="axis">The axis whose data are log10 values.</param>
    /// <param name="decadesOnly">Ticks at whole decades labelled 1eK (wide ranges), or anywhere labelled with 3 digits (narrow ranges).</param>
    public static void Apply(IAxis axis, bool decadesOnly) => axis.TickGenerator = new NumericAutomatic
    {
        MinorTickGenerator = decadesOnly ? new LogMinorTickGenerator() : new EvenlySpacedMinorTickGenerator(5),
        IntegerTicksOnly = decadesOnly,
        LabelFormatter = decadesOnly ? Decade : Value,
    };

    private static string Decade(double log10) => "1e" + Math.Round(log10).ToString("0", CultureInfo.InvariantCulture);

    private static string Value(double log10) => Math.Pow(10, log10).ToString("G3", CultureInfo.InvariantCulture);
}
