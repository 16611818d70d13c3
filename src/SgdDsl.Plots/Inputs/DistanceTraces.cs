namespace SgdDsl.Plots;

/// <summary>The normal distance D_k, k = 0, 1, …, of one simulated SGD trajectory, and how it ended.</summary>
/// <param name="Index">The trial's index.</param>
/// <param name="Outcome">How the trial ended.</param>
/// <param name="Distance">D at each listed step (parameter units); a value ≤ 0 or not finite ends the drawn trace.</param>
/// <param name="Steps">The step k of each distance; null means every step, k = 0, 1, 2, ….</param>
public readonly record struct DistanceTrace(int Index, TrialOutcome Outcome, double[] Distance, int[]? Steps = null);

/// <summary>
/// Normal distances of simulated trajectories against the step, on a log scale, with the line δ·e^{λk} that the
/// linearization predicts.
/// </summary>
public sealed record DistanceTraces
{
    /// <summary>The trajectories (at most <see cref="MaxTraces"/> are drawn, in order).</summary>
    public required IReadOnlyList<DistanceTrace> Traces { get; init; }

    /// <summary>The title: the model, the point, η and B.</summary>
    public required string Title { get; init; }

    /// <summary>λ from the analysis, drawn as the slope δ·e^{λk} when given.</summary>
    public double? Lambda { get; init; }

    /// <summary>The growth rate fitted from the simulation, drawn as δ·e^{rate·k} when given.</summary>
    public double? GrowthRate { get; init; }

    /// <summary>How many traces to draw at most.</summary>
    public int MaxTraces { get; init; } = 40;

    /// <summary>The traces of <paramref name="result"/>, titled with its model, point, η and B.</summary>
    public static DistanceTraces From(SimulationResult result, double? lambda = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DistanceTraces
        {
            Traces = result.Trials.Select(t => new DistanceTrace(t.Index, t.Outcome, t.NormalDistance)).ToArray(),
            Title = $"Simulated SGD near {result.Model} minimum ({Format.Point(result.Minimum)}), η = {Format.Number(result.Options.LearningRate)}, B = {result.Options.BatchSize}",
            Lambda = lambda,
            GrowthRate = double.IsFinite(result.GrowthRate) ? result.GrowthRate : null,
        };
    }
}
