using ScottPlot;

namespace SgdDsl.Plots;

/// <summary>Normal distances of simulated trajectories on a log scale, coloured by outcome, with the slopes e^{λk}.</summary>
internal static class DistanceChart
{
    public static Plot Build(DistanceTraces traces)
    {
        var drawn = traces.Traces.Take(Math.Max(0, traces.MaxTraces)).Where(t => t.Distance.Length > 0 && t.Distance[0] > 0).ToArray();
        if (drawn.Length == 0)
            throw new ArgumentException("No trajectory has a recorded normal distance (was the history switched off?).", nameof(traces));

        var plot = new Plot();
        Palette.Style(plot);
        plot.Title(traces.Title);
        plot.XLabel("SGD step k");
        plot.YLabel("normal distance D_k (parameter units, log scale)");

        var longest = 0;
        var lowest = double.PositiveInfinity;
        foreach (var trace in drawn)
        {
            // log10 D until the trace leaves the positive finite numbers (D = 0 on the manifold; NaN after divergence).
            var n = 0;
            var listed = trace.Steps is { } s ? Math.Min(s.Length, trace.Distance.Length) : trace.Distance.Length;
            while (n < listed && trace.Distance[n] > 0 && double.IsFinite(trace.Distance[n])) n++;
            var xs = new double[n];
            var ys = new double[n];
            for (var k = 0; k < n; k++)
            {
                xs[k] = trace.Steps is { } steps ? steps[k] : k;
                ys[k] = Math.Log10(trace.Distance[k]);
            }

            var line = plot.Add.Scatter(xs, ys, Palette.Of(trace.Outcome).WithAlpha(0.55));
            line.MarkerShape = MarkerShape.None;
            line.LineWidth = 1;
            if (n > 0) longest = Math.Max(longest, (int)xs[n - 1]);
            if (n > 0) lowest = Math.Min(lowest, ys.Min());
        }

        foreach (var outcome in drawn.Select(t => t.Outcome).Distinct().Order())
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{outcome.ToString().ToLowerInvariant()} ({drawn.Count(t => t.Outcome == outcome)} of {drawn.Length} drawn)",
                LineColor = Palette.Of(outcome),
                LineWidth = 2,
            });

        var start = Math.Log10(drawn[0].Distance[0]);
        Slope(plot, traces.Lambda, start, longest, lowest, Palette.Lambda, LinePattern.Dashed, "δ·exp(λk), λ from the analysis");
        Slope(plot, traces.GrowthRate, start, longest, lowest, Palette.Mu, LinePattern.Dotted, "δ·exp(rk), r fitted to the simulation");

        LogAxis.Apply(plot.Axes.Left, decadesOnly: true);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    // The predicted line stops where the traces do (at the round-off floor, for a contracting rate).
    private static void Slope(Plot plot, double? rate, double start, int steps, double lowest, Color color, LinePattern pattern, string label)
    {
        if (rate is not { } r || !double.IsFinite(r) || steps <= 0) return;
        var slope = r / Math.Log(10);
        var end = slope < 0 && double.IsFinite(lowest) ? Math.Min(steps, (lowest - start) / slope) : steps;
        var line = plot.Add.Line(0, start, end, start + slope * end);
        line.LineColor = color;
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.LegendText = $"{label} = {Format.Number(r)}";
    }
}
