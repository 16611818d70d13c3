using ScottPlot;

namespace SgdDsl.Plots;

/// <summary>λ̂ against the measured steps per chain, its error band, the zero line and μ for comparison.</summary>
internal static class ConvergenceChart
{
    public static Plot Build(LambdaConvergence convergence)
    {
        var history = convergence.History.Where(h => h.StepsPerChain > 0 && double.IsFinite(h.Lambda)).OrderBy(h => h.StepsPerChain).ToArray();
        if (history.Length == 0)
            throw new ArgumentException("The λ̂ history is empty: λ came from an exact or certified path, which has no Monte Carlo history.", nameof(convergence));

        var plot = new Plot();
        Palette.Style(plot);
        plot.Title(convergence.Title);
        plot.XLabel("measured SGD steps per chain (log scale)");
        plot.YLabel("λ̂ (natural log per step)");
        double[] xs = history.Select(h => Math.Log10(h.StepsPerChain)).ToArray();

        var banded = history.Where(h => double.IsFinite(h.StandardError)).ToArray();
        if (banded.Length >= 2)
        {
            var m = convergence.ConfidenceMultiplier;
            var band = plot.Add.FillY(banded.Select(h => Math.Log10(h.StepsPerChain)).ToArray(),
                banded.Select(h => h.Lambda - m * h.StandardError).ToArray(),
                banded.Select(h => h.Lambda + m * h.StandardError).ToArray());
            band.FillColor = Palette.Lambda.WithAlpha(0.25);
            band.LineColor = Colors.Transparent;
            band.LegendText = $"λ̂ ± {Format.Number(m)}·SE";
        }

        var zero = plot.Add.HorizontalLine(0, 1.5f, Palette.Zero, LinePattern.Dashed);
        zero.LegendText = "0: stable below, unstable above";
        if (convergence.Mu is { } mu)
        {
            var line = plot.Add.HorizontalLine(mu, 1.5f, Palette.Mu, LinePattern.Dotted);
            line.LegendText = $"μ (GD) = {Format.Number(mu)}";
        }

        var scatter = plot.Add.Scatter(xs, history.Select(h => h.Lambda).ToArray(), Palette.Lambda);
        scatter.LineWidth = 2;
        scatter.MarkerSize = 5;
        scatter.LegendText = $"λ̂ (last: {Format.Number(history[^1].Lambda)})";

        LogAxis.Apply(plot.Axes.Bottom, decadesOnly: false);
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
