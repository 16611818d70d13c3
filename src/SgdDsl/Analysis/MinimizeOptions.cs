namespace SgdDsl;

/// <summary>Stopping rules of <see cref="Stability.Minimize"/>.</summary>
public sealed record MinimizeOptions
{
    /// <summary>
    /// Stop once the mean loss L ≤ this (absolute, loss units). Default 1e-24: residuals of order 1e-12, four
    /// orders of magnitude inside the default <see cref="StabilityOptions.LossTolerance"/> (1e-20), so the result
    /// passes the minimum check with margin. After reaching it, up to two more steps are taken while each cuts L at
    /// least fourfold, which with Newton's quadratic convergence brings the point to round-off.
    /// </summary>
    public double LossTolerance { get; init; } = 1e-24;

    /// <summary>Most accepted steps (polishing included). Default 200: damped Newton needs a handful near a minimum; more means it is stuck.</summary>
    public int MaxIterations { get; init; } = 200;
}
