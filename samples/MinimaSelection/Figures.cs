using ScottPlot;
using SgdDsl;
using SgdDsl.Plots;

namespace MinimaSelection;

/// <summary>
/// The experiment's pictures. The batch sweep is an exponent curve and the loss curves a training chart, drawn by
/// SgdDsl.Plots; the sharpness against 2/η and λ per found minimum have no chart there, so they are drawn here.
/// </summary>
public static class Figures
{
    /// <summary>The file names written into the output folder.</summary>
    public const string Sharpness = "gd-sharpness.png", LambdaByRun = "lambda-by-run.png", BatchSweep = "batch-sweep.png", LossCurves = "loss-curves.png";

    private static readonly Color GdColor = Color.FromHex("#1f77b4"), SgdColor = Color.FromHex("#d55e00"), Edge = Color.FromHex("#444444");

    /// <summary>Writes every figure into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(SelectionResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        string Path(string name) { var p = System.IO.Path.Combine(folder, name); paths.Add(p); return p; }

        SharpnessAgainstEdge(result).SavePng(Path(Sharpness), 900, 600);
        LambdaOfEachMinimum(result).SavePng(Path(LambdaByRun), 1000, 600);
        if (result.BatchSweep.Count >= 2) StabilityPlots.Exponents(BatchSweepCurve(result), Path(BatchSweep), 900, 600);
        StabilityPlots.TrainingLoss(new TrainingCurves
        {
            Curves = result.Runs.Select(r => new TrainingCurve(r.Label, r.Trained.Training.History.Steps, r.Trained.Training.History.Losses)).ToArray(),
            Title = $"Training loss, {DigitsNet.Model.Name} on N = {result.SampleCount} digits ({Task(result)}), one initialization",
            LossTarget = result.Settings.LossTarget,
        }, Path(LossCurves), 1000, 600);
        return paths;
    }

    /// <summary>Sharpness of each found minimum against η on log–log axes, with the GD threshold 2/η.</summary>
    public static Plot SharpnessAgainstEdge(SelectionResult result)
    {
        var plot = new Plot();
        plot.Title($"Sharpness of the minima found ({Task(result)}, N = {result.SampleCount})");
        plot.XLabel("learning rate η (log scale)");
        plot.YLabel("sharpness a = λmax(H) (log scale)");
        var etas = result.Runs.Select(r => r.LearningRate).ToArray();
        double low = etas.Min() / 1.3, high = etas.Max() * 1.3;
        var edge = plot.Add.Scatter(new[] { Math.Log10(low), Math.Log10(high) }, new[] { Math.Log10(2 / low), Math.Log10(2 / high) }, Edge);
        edge.LinePattern = LinePattern.Dashed;
        edge.MarkerSize = 0;
        edge.LegendText = "2/η: GD's edge of stability (μ = 0)";

        Points(plot, result.GdMinima.Where(m => m.Task == result.Runs[0].Task).ToArray(), GdColor, MarkerShape.FilledCircle, "GD minima (B = N)");
        Points(plot, result.SgdMinima.Where(m => m.Task == result.Runs[0].Task).ToArray(), SgdColor, MarkerShape.FilledTriangleUp, "SGD minima (label: B)");
        foreach (var m in result.SgdMinima.Where(m => m.Task == result.Runs[0].Task))
        {
            var label = plot.Add.Text($"B = {m.TrainingBatch}", Math.Log10(m.LearningRate), Math.Log10(m.Report.Sharpness));
            label.LabelFontSize = 11;
            label.LabelFontColor = SgdColor;
            label.OffsetX = 8;
        }
        Log10Ticks(plot.Axes.Bottom);
        Log10Ticks(plot.Axes.Left);
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return plot;
    }

    /// <summary>λ ± 3·SE of each found minimum under the settings that found it (GD: B = N, where λ = μ), with the zero line.</summary>
    public static Plot LambdaOfEachMinimum(SelectionResult result)
    {
        var found = result.GdMinima.Concat(result.SgdMinima).ToArray();
        var plot = new Plot();
        plot.Title("λ of each found minimum under its own training settings (GD: B = N, λ = μ)");
        plot.YLabel("λ (natural log per step)");
        var zero = plot.Add.HorizontalLine(0, 1.5f, Edge, LinePattern.Dashed);
        zero.LegendText = "0: SGD can settle below, cannot above";
        for (var i = 0; i < found.Length; i++)
        {
            var m = found[i];
            var color = m.Method == TrainingMethod.GD ? GdColor : SgdColor;
            var error = m.Report.ConfidenceMultiplier * (double.IsFinite(m.Report.LambdaStandardError) ? m.Report.LambdaStandardError : 0);
            if (error > 0)
            {
                var bar = plot.Add.ErrorBar([(double)i], [m.Report.Lambda], [error]);
                bar.LineColor = color;
                bar.LineWidth = 2;
            }
            var marker = plot.Add.Marker(i, m.Report.Lambda, m.Method == TrainingMethod.GD ? MarkerShape.FilledCircle : MarkerShape.FilledTriangleUp, 10, color);
            if (i == 0 || found[i - 1].Method != m.Method) marker.LegendText = m.Method == TrainingMethod.GD ? "GD minima" : "SGD minima (bars: ±3·SE)";
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, found.Length).Select(i => (double)i).ToArray(),
            found.Select(m => (m.Task.StartsWith("one-hot") ? "one-hot\n" : "") + m.Label.Replace(", ", "\n")).ToArray());
        plot.Axes.SetLimitsX(-0.6, found.Length - 0.4);
        var values = found.SelectMany(m => new[] { m.Report.Lambda - 3 * m.Report.LambdaStandardError, m.Report.Lambda + 3 * m.Report.LambdaStandardError })
            .Where(double.IsFinite).Append(0).ToArray();
        var span = Math.Max(values.Max() - values.Min(), 1e-6);
        plot.Axes.SetLimitsY(values.Min() - 0.15 * span, values.Max() + 0.15 * span);
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return plot;
    }

    /// <summary>μ and λ of the GD-found minimum as SGD's batch shrinks from N, at GD's η.</summary>
    public static ExponentCurve BatchSweepCurve(SelectionResult result) => new()
    {
        Points = result.BatchSweep.Select(m => ExponentPoint.Of(m.AnalysedBatch, m.Report)).ToArray(),
        Title = $"The minimum GD found at η = {Numbers.Short(result.Settings.BatchSweepLearningRate)} ({Task(result)}, N = {result.SampleCount}) under SGD with batch B",
        XLabel = "batch size B (log scale; B = N is GD)",
        LogX = true,
    };

    private static void Points(Plot plot, IReadOnlyList<FoundMinimum> minima, Color color, MarkerShape shape, string legend)
    {
        if (minima.Count == 0) return;
        var scatter = plot.Add.Scatter(minima.Select(m => Math.Log10(m.LearningRate)).ToArray(), minima.Select(m => Math.Log10(m.Report.Sharpness)).ToArray(), color);
        scatter.LineWidth = 0;
        scatter.MarkerShape = shape;
        scatter.MarkerSize = 10;
        scatter.LegendText = legend;
    }

    private static void Log10Ticks(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
    {
        LabelFormatter = v => Numbers.G(Math.Pow(10, v)),
        MinorTickGenerator = new ScottPlot.TickGenerators.EvenlySpacedMinorTickGenerator(5),
    };

    private static string Task(SelectionResult result) => result.Runs.Count > 0 ? result.Runs[0].Task : "";
}
