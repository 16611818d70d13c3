namespace SgdDsl;

/// <summary>How one simulated SGD trajectory ended.</summary>
public enum TrialOutcome
{
    /// <summary>It ended at a zero-loss point (L ≤ the loss tolerance) within the radius R of x*.</summary>
    Accumulated,

    /// <summary>It ended farther than R from x*: it left, and converged elsewhere on the manifold or kept wandering.</summary>
    Escaped,

    /// <summary>A parameter, the gradient or the loss became NaN or ±∞ (overflow); the trajectory stopped there.</summary>
    Diverged,

    /// <summary>It ended within R of x* but with L above the loss tolerance: not decided within the steps given.</summary>
    Unsettled,
}
