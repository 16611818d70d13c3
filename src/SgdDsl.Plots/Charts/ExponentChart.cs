using ScottPlot;

namespace SgdDsl.Plots;

/// <summary>
/// μ and λ against η (or a position on the manifold), λ's error band, the zero line and optional stable sets. The λ
/// line is drawn from the points' λ alone; its markers tell exact values (diamonds), estimates whose sign a bound
/// certified (triangles) and plain estimates (circles) apart, and certified points show the certifying bound's
/// interval [lower, upper] as a thin vertical bar, never as the curve.
/// </summary>
internal static class ExponentChart
{
    /// <summary>The legend text of the λ line: tests find the drawn series by it.</summary>
    public const string LambdaLabel = "λ (SGD)";
    public static Plot Build(ExponentCurve curve)
    {
        var points = curve.Points.OrderBy(p => p.X).ToArray();
        if (curve.LogX && points.Any(p => !(p.X > 0)))
            throw new ArgumentException("A log-scaled x axis needs every X > 0.", nameof(curve));
        double X(double x) => curve.LogX ? Math.Log10(x) : x;

        var plot = new Plot();
        Palette.Style(plot);
        plot.Title(curve.Title);
        plot.XLabel(curve.XLabel);
        plot.YLabel("exponent (natural log per step)");

        var banded = points.Where(p => double.IsFinite(p.Lambda) && double.IsFinite(p.LambdaStandardError) && p.LambdaStandardError > 0).ToArray();
        if (banded.Length >= 2)
        {
            var m = curve.ConfidenceMultiplier;
            var band = plot.Add.FillY(banded.Select(p => X(p.X)).ToArray(),
                banded.Select(p => p.Lambda - m * p.LambdaStandardError).ToArray(),
                banded.Select(p => p.Lambda + m * p.LambdaStandardError).ToArray());
            band.FillColor = Palette.Lambda.WithAlpha(0.25);
            band.LineColor = Colors.Transparent;
            band.LegendText = $"λ ± {Format.Number(m)}·SE";
        }

        var zero = plot.Add.HorizontalLine(0, 1.5f, Palette.Zero, LinePattern.Dashed);
        zero.LegendText = "0: stable below, unstable above";

        AddCertifiedIntervals(plot, points, X);
        AddLine(plot, points, p => p.Mu, X, Palette.Mu, "μ (GD)", MarkerShape.FilledSquare);
        AddLine(plot, points, p => p.Lambda, X, Palette.Lambda, LambdaLabel, MarkerShape.None);
        AddMethodMarkers(plot, points, X);

        foreach (var sgd in new[] { false, true })
        {
            var spans = curve.StableSpans.Where(s => s.Sgd == sgd).OrderBy(s => s.Start).ToArray();
            if (spans.Length == 0) continue;
            var color = (sgd ? Palette.Lambda : Palette.Mu).WithAlpha(0.12);
            foreach (var s in spans) plot.Add.HorizontalSpan(X(s.Start), X(s.End), color);
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = (sgd ? "SGD-stable (λ < 0): " : "GD-stable (μ < 0): ") + string.Join(" ∪ ", spans.Select(s => $"({Format.Number(s.Start)}, {Format.Number(s.End)})")),
                FillColor = color.WithAlpha(0.3),
                OutlineWidth = 0,
            });
        }

        var minusInfinity = points.Count(p => double.IsNegativeInfinity(p.Lambda));
        if (minusInfinity > 0)
            plot.Add.Annotation($"λ = −∞ at {minusInfinity} point(s), not drawn");

        if (curve.LogX) LogAxis.Apply(plot.Axes.Bottom, decadesOnly: false);
        ClampVertical(plot, points);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    // Exponents near a singular step (|1 − ηk| → 0) plunge towards −∞ and would flatten the rest of the curve.
    private static void ClampVertical(Plot plot, IReadOnlyList<ExponentPoint> points)
    {
        var values = points.SelectMany(p => new[] { p.Mu, p.Lambda }).Where(double.IsFinite).Order().ToArray();
        if (values.Length == 0) return;
        var low = values[(int)(0.02 * (values.Length - 1))];
        var high = values[^1];
        low = Math.Min(low, 0);
        high = Math.Max(high, 0);
        var pad = 0.08 * Math.Max(high - low, 1e-3);
        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(low - pad, high + pad);
    }

    private static readonly (LambdaMethod Method, MarkerShape Shape, string Label)[] MethodMarkers =
    [
        (LambdaMethod.Exact, MarkerShape.FilledDiamond, "λ exact (closed form)"),
        (LambdaMethod.Certified, MarkerShape.FilledTriangleUp, "λ estimate, sign certified by a bound"),
        (LambdaMethod.Estimate, MarkerShape.FilledCircle, "λ estimate"),
    ];

    private static void AddMethodMarkers(Plot plot, IReadOnlyList<ExponentPoint> points, Func<double, double> x)
    {
        foreach (var (method, shape, label) in MethodMarkers)
        {
            var marked = points.Where(p => p.Method == method && double.IsFinite(p.Lambda)).ToArray();
            if (marked.Length == 0) continue;
            var markers = plot.Add.Markers(marked.Select(p => x(p.X)).ToArray(), marked.Select(p => p.Lambda).ToArray(), shape, points.Count <= 60 ? 8 : 4, Palette.Lambda);
            markers.LegendText = label;
        }
    }

    // Where a bound certified the sign and both bounds are finite, [lower, upper] as a faint bar: what is known for sure.
    private static void AddCertifiedIntervals(Plot plot, IReadOnlyList<ExponentPoint> points, Func<double, double> x)
    {
        var labelled = false;
        foreach (var p in points.Where(p => p.Method == LambdaMethod.Certified && double.IsFinite(p.LambdaLower) && double.IsFinite(p.LambdaUpper)))
        {
            var bar = plot.Add.Line(x(p.X), p.LambdaLower, x(p.X), p.LambdaUpper);
            bar.Color = Palette.Marker.WithAlpha(0.3);
            bar.LineWidth = 5;
            if (!labelled) bar.LegendText = "certified interval [lower, upper] of λ";
            labelled = true;
        }
    }

    private static void AddLine(Plot plot, IReadOnlyList<ExponentPoint> points, Func<ExponentPoint, double> value, Func<double, double> x,
        Color color, string label, MarkerShape shape)
    {
        // A non-finite value (λ = −∞) breaks the line into segments rather than joining across it.
        var labelled = false;
        foreach (var segment in Segments(points, value))
        {
            var scatter = plot.Add.Scatter(segment.Select(p => x(p.X)).ToArray(), segment.Select(value).ToArray(), color);
            scatter.LineWidth = 2;
            scatter.MarkerShape = points.Count <= 60 ? shape : MarkerShape.None;
            scatter.MarkerSize = 5;
            if (!labelled) scatter.LegendText = label;
            labelled = true;
        }
    }

    private static IEnumerable<List<ExponentPoint>> Segments(IReadOnlyList<ExponentPoint> points, Func<ExponentPoint, double> value)
    {
        var segment = new List<ExponentPoint>();
        foreach (var p in points)
        {
            if (double.IsFinite(value(p))) segment.Add(p);
            else if (segment.Count > 0)
            {
                yield return segment;
                segment = [];
            }
        }

        if (segment.Count > 0) yield return segment;
    }
}
