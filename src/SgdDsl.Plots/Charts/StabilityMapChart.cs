using ScottPlot;

namespace SgdDsl.Plots;

/// <summary>Two panels of coloured cells over (position, η): the GD verdict (sign of μ) and the SGD verdict (sign of λ).</summary>
internal static class StabilityMapChart
{
    public static Multiplot Build(StabilityGrid grid)
    {
        var cells = grid.Cells
            .GroupBy(c => (c.Position, c.LearningRate)).Select(g => g.Last())
            .ToArray();
        if (cells.Length == 0) throw new ArgumentException("The stability grid has no cells.", nameof(grid));
        if (grid.LogLearningRate && cells.Any(c => !(c.LearningRate > 0)))
            throw new ArgumentException("A log-scaled η axis needs every η > 0.", nameof(grid));
        double Y(double eta) => grid.LogLearningRate ? Math.Log10(eta) : eta;

        var xEdges = Edges(cells.Select(c => c.Position));
        var yEdges = Edges(cells.Select(c => Y(c.LearningRate)));

        var gd = Panel(grid, "μ", cells, c => c.GdVerdict, xEdges, yEdges, Y);
        var sgd = Panel(grid, "λ", cells, c => c.SgdVerdict, xEdges, yEdges, Y);
        gd.Title(grid.Title + " — GD (μ)");
        sgd.Title(grid.Title + " — SGD (λ)");

        // new Multiplot() starts with an empty plot of its own; start from the GD panel instead.
        var figure = new Multiplot(gd);
        figure.AddPlot(sgd);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return figure;
    }

    private static Plot Panel(StabilityGrid grid, string what, IReadOnlyList<StabilityCell> cells, Func<StabilityCell, Verdict> verdict,
        Dictionary<double, (double Low, double High)> xEdges, Dictionary<double, (double Low, double High)> yEdges, Func<double, double> y)
    {
        var plot = new Plot();
        Palette.Style(plot);
        plot.Axes.Title.Label.FontSize = 13;
        plot.XLabel(grid.PositionLabel);
        plot.YLabel(grid.LogLearningRate ? "learning rate η (log scale)" : "learning rate η");
        foreach (var c in cells)
        {
            var (left, right) = xEdges[c.Position];
            var (bottom, top) = yEdges[y(c.LearningRate)];
            var rectangle = plot.Add.Rectangle(left, right, bottom, top);
            rectangle.FillColor = Palette.Of(verdict(c));
            rectangle.LineWidth = 0;
        }

        foreach (var v in Enum.GetValues<Verdict>())
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = v switch
                {
                    Verdict.Stable => $"stable ({what} < 0)",
                    Verdict.Unstable => $"unstable ({what} > 0)",
                    _ => $"inconclusive ({what} ≈ 0 within its error)",
                },
                FillColor = Palette.Of(v),
                OutlineWidth = 0,
            });
        if (grid.LogLearningRate) LogAxis.Apply(plot.Axes.Left, decadesOnly: false);
        plot.Axes.Margins(0, 0);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    // Each grid value owns the interval halfway to its neighbours; a lone value gets a unit-width cell.
    private static Dictionary<double, (double Low, double High)> Edges(IEnumerable<double> values)
    {
        var v = values.Distinct().Order().ToArray();
        var edges = new Dictionary<double, (double, double)>();
        for (var i = 0; i < v.Length; i++)
        {
            var low = i > 0 ? (v[i - 1] + v[i]) / 2 : v.Length > 1 ? v[0] - (v[1] - v[0]) / 2 : v[0] - 0.5;
            var high = i < v.Length - 1 ? (v[i] + v[i + 1]) / 2 : v.Length > 1 ? v[i] + (v[i] - v[i - 1]) / 2 : v[0] + 0.5;
            edges[v[i]] = (low, high);
        }

        return edges;
    }
}
