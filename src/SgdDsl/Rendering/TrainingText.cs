using System.Globalization;
using System.Text;

namespace SgdDsl.Rendering;

/// <summary>A training run and its polish in a few lines of text, for the command line and the samples.</summary>
public static class TrainingText
{
    /// <summary>How the run went, where it stopped, and how far the polish moved the end point (flagged when not small).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Render(TrainedMinimum result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Training;
        var o = t.Options;
        var text = new StringBuilder();
        var method = o.Method == TrainingMethod.GD ? "GD" : $"SGD (B = {o.BatchSize}, sampling {SamplingNames.Name(o.Sampling)})";
        text.Append(CultureInfo.InvariantCulture, $"Trained {t.Model} (d = {t.ParameterNames.Count}) on N = {t.SampleCount} samples by {method}, η = {G(o.LearningRate)}, seed {o.Seed}\n");
        text.Append(CultureInfo.InvariantCulture, $"  {t.Steps:N0} steps, stopped: {Reason(t.StopReason, o)}; L {G(t.StartLoss)} → {G(t.EndLoss)}, ‖∇L‖ = {G(t.EndGradientNorm)}, travelled {G(t.DistanceTravelled)}\n");
        if (!result.Polished)
        {
            text.Append("  not polished: the run diverged or was stopped, so the point is where training ended\n");
            return text.ToString();
        }
        text.Append(CultureInfo.InvariantCulture, $"  polished by {result.Polish!.Method}: L = {G(result.Loss)}, ‖∇L‖ = {G(result.GradientNorm)}, moved {G(result.Moved)}");
        text.Append(result.MoveIsLarge
            ? $" — not small: more than {(TrainedMinimum.LargeMoveFraction * 100).ToString("0", CultureInfo.InvariantCulture)}% of the distance training travelled, so the analysed minimum is not quite the one training approached\n"
            : "\n");
        return text.ToString();
    }

    private static string Reason(TrainingStopReason reason, TrainingOptions o) => reason switch
    {
        TrainingStopReason.LossTarget => $"the loss fell below {G(o.LossTarget)}",
        TrainingStopReason.MaxSteps => $"the step limit {o.MaxSteps:N0} was reached",
        TrainingStopReason.Diverged => "it diverged",
        TrainingStopReason.Cancelled => "interrupted",
        _ => TrainingNames.Name(reason),
    };

    private static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
