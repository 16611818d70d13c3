namespace SgdDsl;

/// <summary>How <see cref="StabilityReport.Lambda"/> was obtained.</summary>
public enum LambdaMethod
{
    /// <summary>
    /// A closed form evaluated without Monte Carlo error (standard error 0): r = 0; r = 1 with every batch
    /// enumerated; or a single possible batch (B = N without replacement or reshuffling, or N = 1), where λ = μ.
    /// </summary>
    Exact,

    /// <summary>
    /// A Monte Carlo estimate with a standard error: the renormalized product of random matrices on the normal
    /// space (r ≥ 2), or an average over randomly drawn batches when r = 1 but there are too many to enumerate.
    /// </summary>
    Estimate,
}
