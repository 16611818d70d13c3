using System.Text;
using SgdDsl;
using SgdDsl.Rendering;

namespace MinimaSelection;

/// <summary>The experiment's results as Markdown tables (docs/experiments.md shows them as written).</summary>
public static class ResultsTable
{
    /// <summary>
    /// The runs table (a_end: the sharpness where training stopped, before the polish; a: at the polished minimum; s: the
    /// non-uniformity; bounds are Wu–Ma–E's), the batch sweep and the theorem's checks.
    /// </summary>
    public static string Render(SelectionResult result)
    {
        var s = new StringBuilder();
        s.AppendLine("| task | method | η | B | steps | stop | travelled | a_end | moved | sharpness a | 2/η | a·η/2 | s | s bound | μ | λ ± SE | λ by | GD | SGD |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var m in result.Runs.Concat(result.OneHot.Where(m => m.AnalysedBatch == m.TrainingBatch)))
        {
            var r = m.Report;
            var t = m.Trained.Training;
            s.AppendLine($"| {m.Task} | {m.Method} | {Numbers.Short(m.LearningRate)} | {m.TrainingBatch} | {t.Steps} | {Stop(t.StopReason)} | " +
                $"{Numbers.G(t.DistanceTravelled)} | {Numbers.G(m.EndSharpness, 5)} | {Numbers.G(m.Trained.Moved)}{(m.Trained.MoveIsLarge ? " (large)" : "")} | " +
                $"{Numbers.G(r.Sharpness, 5)} | {Numbers.G(r.SharpnessThreshold, 4)} | {Numbers.Fixed(m.SharpnessRatio, 4)} | " +
                $"{Numbers.G(r.NonUniformity, 4)} | {Numbers.G(r.NonUniformityThreshold, 4)} | {Numbers.G(r.Mu, 3)} | {Lambda(r)} | {Method(r)} | " +
                $"{Verdict(r.GdVerdict)} | {Verdict(r.SgdVerdict)} |");
        }

        foreach (var failure in result.Failed)
            s.AppendLine($"\nNo minimum: {failure}.");

        if (result.BatchSweep.Count > 0 || result.OneHot.Any(m => m.AnalysedBatch < m.TrainingBatch))
        {
            s.AppendLine();
            s.AppendLine("The minima GD found, under SGD at GD's η with batch B:");
            s.AppendLine();
            s.AppendLine("| task | found by | B | λ ± SE | λ by | bounds [lower, upper] | s | s bound | SGD |");
            s.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var m in result.BatchSweep.Concat(result.OneHot.Where(m => m.Method == TrainingMethod.GD)))
            {
                var r = m.Report;
                s.AppendLine($"| {m.Task} | {m.Label} | {m.AnalysedBatch}{(m.AnalysedBatch == m.TrainingBatch ? " (= N)" : "")} | {Lambda(r)} | {Method(r)} | " +
                    $"[{Numbers.G(r.LambdaBounds.Lower)}, {Numbers.G(r.LambdaBounds.Upper)}] | {Numbers.G(r.NonUniformity, 4)} | {Numbers.G(r.NonUniformityThreshold, 4)} | {Verdict(r.SgdVerdict)} |");
            }
        }

        s.AppendLine();
        s.AppendLine("The theorem's inequalities:");
        s.AppendLine();
        foreach (var m in result.GdMinima)
            s.AppendLine($"- {m.Task}, {m.Label}: where GD stopped, η·a_end = {Numbers.Fixed(m.LearningRate * m.EndSharpness, 5)} " +
                $"(log|1 − η·a_end| = {Numbers.G(m.EndTopExponent)}); at the polished minimum μ = {Numbers.G(m.Report.Mu)} ≤ {Numbers.G(m.MuTolerance)}, " +
                $"what the end point and the polish's change of sharpness allow: {Holds(m.MuWithinPolish)}");
        foreach (var m in result.SgdMinima)
            s.AppendLine($"- {m.Task}, {m.Label}: λ = {Lambda(m.Report)} ≤ 3·SE: {Holds(m.LambdaNotPositive)}");
        foreach (var m in result.GdMinimaUnderSgd)
            s.AppendLine($"- {m.Task}, {m.Label} under B = {m.AnalysedBatch}: λ = {Lambda(m.Report)} {(m.Report.Lambda - 3 * m.Report.LambdaStandardError > 0 ? "> 3·SE: SGD cannot stay" : "≤ 3·SE: SGD may stay")}");
        return s.ToString();
    }

    private static string Lambda(StabilityReport r) =>
        r.LambdaStandardError > 0 ? $"{Numbers.G(r.Lambda, 4)} ± {Numbers.G(r.LambdaStandardError, 2)}" : Numbers.G(r.Lambda, 4);

    private static string Method(StabilityReport r) => JsonReport.MethodName(r.LambdaMethod);

    private static string Verdict(Verdict v) => VerdictText.Json(v);

    private static string Stop(TrainingStopReason reason) => TrainingNames.Name(reason).Replace('-', ' ');

    private static string Holds(bool holds) => holds ? "holds" : "**fails**";
}
