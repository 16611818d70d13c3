using ScottPlot;

namespace SgdDsl.Plots;

/// <summary>Training loss against the step on a log scale, one coloured line per run, with the loss target dashed.</summary>
internal static class LossChart
{
    public static Plot Build(TrainingCurves curves)
    {
        var plot = new Plot();
        Palette.Style(plot);
        plot.Title(curves.Title);
        plot.XLabel("step k");
        plot.YLabel("mean loss L (log scale)");

        var drawn = 0;
        var colors = new ScottPlot.Palettes.Category10();
        foreach (var curve in curves.Curves)
        {
            var points = Enumerable.Range(0, Math.Min(curve.Steps.Count, curve.Losses.Count))
                .Where(k => curve.Losses[k] > 0 && double.IsFinite(curve.Losses[k])).ToArray();
            if (points.Length == 0) continue;
            var line = plot.Add.Scatter(points.Select(k => (double)curve.Steps[k]).ToArray(), points.Select(k => Math.Log10(curve.Losses[k])).ToArray(), colors.GetColor(drawn++));
            line.MarkerShape = MarkerShape.None;
            line.LineWidth = 2;
            line.LegendText = curve.Label;
        }
        if (drawn == 0) throw new ArgumentException("No curve has a positive finite loss to draw.", nameof(curves));

        if (curves.LossTarget is { } target && target > 0 && double.IsFinite(target))
        {
            var line = plot.Add.HorizontalLine(Math.Log10(target));
            line.LineColor = Colors.Gray;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"loss target {Format.Number(target)}";
        }

        LogAxis.Apply(plot.Axes.Left, decadesOnly: true);
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
