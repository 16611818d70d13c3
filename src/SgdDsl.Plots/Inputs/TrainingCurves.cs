namespace SgdDsl.Plots;

/// <summary>One training run's mean loss L against the step.</summary>
/// <param name="Label">The legend entry, e.g. "GD, η = 0.1".</param>
/// <param name="Steps">The steps k, increasing.</param>
/// <param name="Losses">L(θ_k) at each step; values ≤ 0 or not finite are left out (a log scale cannot show them).</param>
public readonly record struct TrainingCurve(string Label, IReadOnlyList<int> Steps, IReadOnlyList<double> Losses);

/// <summary>Training loss curves on a log scale, one line per run.</summary>
public sealed record TrainingCurves
{
    /// <summary>The runs, drawn in order.</summary>
    public required IReadOnlyList<TrainingCurve> Curves { get; init; }

    /// <summary>The title: the model and the data.</summary>
    public required string Title { get; init; }

    /// <summary>A horizontal line at the loss target, when given.</summary>
    public double? LossTarget { get; init; }

    /// <summary>The loss curve of one training run, labelled with its method, η and B, and its loss target.</summary>
    public static TrainingCurves From(TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var label = o.Method == TrainingMethod.GD
            ? $"GD, η = {Format.Number(o.LearningRate)}"
            : $"SGD, η = {Format.Number(o.LearningRate)}, B = {o.BatchSize}";
        return new TrainingCurves
        {
            Curves = [new TrainingCurve(label, result.History.Steps, result.History.Losses)],
            Title = $"Training {result.Model} on N = {result.SampleCount} samples: {Rendering.TrainingNames.Name(result.StopReason)} after {result.Steps} steps",
            LossTarget = o.LossTarget > 0 ? o.LossTarget : null,
        };
    }
}
