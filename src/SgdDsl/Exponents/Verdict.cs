namespace SgdDsl;

/// <summary>What an exponent says about a minimum x*.</summary>
public enum Verdict
{
    /// <summary>The exponent is negative: the dynamics converges into every neighbourhood of x* with positive probability.</summary>
    Stable,

    /// <summary>The exponent is positive: the dynamics is repelled from x* (for SGD, at "regular" minima).</summary>
    Unstable,

    /// <summary>
    /// The sign is not established: the exponent is within tolerance of 0 (the boundary case the theorems
    /// leave open) or its confidence interval contains 0.
    /// </summary>
    Inconclusive,
}
