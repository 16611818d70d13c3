namespace SgdDsl.Plots;

/// <summary>The convergence history of λ̂: the estimate and its error after each stretch of the run.</summary>
public sealed record LambdaConvergence
{
    /// <summary>The estimates in the order they were made (from <see cref="StabilityReport.LambdaHistory"/>).</summary>
    public required IReadOnlyList<LambdaHistoryPoint> History { get; init; }

    /// <summary>The title: the model, the point, η and B.</summary>
    public required string Title { get; init; }

    /// <summary>Half-width of the error band in standard errors; the verdict rule's multiplier, 3 by default.</summary>
    public double ConfidenceMultiplier { get; init; } = 3.0;

    /// <summary>The GD exponent μ at the same point, drawn for comparison when given.</summary>
    public double? Mu { get; init; }

    /// <summary>The history of <paramref name="report"/>, titled with its model, point, η and B.</summary>
    public static LambdaConvergence From(StabilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new LambdaConvergence
        {
            History = report.LambdaHistory,
            Title = $"Convergence of λ̂ — {report.Model} at ({Format.Point(report.Minimum)}), η = {Format.Number(report.LearningRate)}, B = {report.BatchSize}",
            ConfidenceMultiplier = report.ConfidenceMultiplier,
            Mu = double.IsFinite(report.Mu) ? report.Mu : null,
        };
    }
}
