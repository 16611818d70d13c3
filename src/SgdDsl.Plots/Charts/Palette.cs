using ScottPlot;

namespace SgdDsl.Plots;

/// <summary>One colour per meaning, the same in every chart.</summary>
internal static class Palette
{
    public static readonly Color Mu = Color.FromHex("#1f77b4");
    public static readonly Color Lambda = Color.FromHex("#d55e00");
    public static readonly Color Zero = Color.FromHex("#444444");
    public static readonly Color Stable = Color.FromHex("#4daf4a");
    public static readonly Color Unstable = Color.FromHex("#e41a1c");
    public static readonly Color Inconclusive = Color.FromHex("#bdbdbd");
    public static readonly Color Diverged = Color.FromHex("#000000");
    public static readonly Color Marker = Color.FromHex("#7b3294");

    public static Color Of(Verdict verdict) => verdict switch
    {
        Verdict.Stable => Stable,
        Verdict.Unstable => Unstable,
        _ => Inconclusive,
    };

    public static Color Of(TrialOutcome outcome) => outcome switch
    {
        TrialOutcome.Accumulated => Stable,
        TrialOutcome.Escaped => Unstable,
        TrialOutcome.Diverged => Diverged,
        _ => Inconclusive,
    };

    public static void Style(Plot plot)
    {
        plot.Axes.Title.Label.FontSize = 15;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Left.Label.FontSize = 13;
        plot.Legend.FontSize = 11;
    }
}
