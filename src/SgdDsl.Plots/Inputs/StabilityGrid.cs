namespace SgdDsl.Plots;

/// <summary>The verdicts at one grid point of a sweep over (position on the manifold × η).</summary>
/// <param name="Position">The position along the path of minima (e.g. the value of a path parameter).</param>
/// <param name="LearningRate">η.</param>
/// <param name="GdVerdict">The sign of μ there.</param>
/// <param name="SgdVerdict">The sign of λ there.</param>
public readonly record struct StabilityCell(double Position, double LearningRate, Verdict GdVerdict, Verdict SgdVerdict);

/// <summary>
/// A stability map: the verdicts over a grid of (position, η), drawn as two panels (GD and SGD) of coloured cells.
/// The grid may be irregular; each cell extends halfway to its neighbours along each axis.
/// </summary>
public sealed record StabilityGrid
{
    /// <summary>The cells; duplicate (position, η) pairs keep the last.</summary>
    public required IReadOnlyList<StabilityCell> Cells { get; init; }

    /// <summary>The title over both panels: the model, the path and B.</summary>
    public required string Title { get; init; }

    /// <summary>The x-axis label with its unit, e.g. "a (parameter value; b = 1/a)".</summary>
    public string PositionLabel { get; init; } = "position along the minimum manifold";

    /// <summary>Draw η on a log scale.</summary>
    public bool LogLearningRate { get; init; }
}
