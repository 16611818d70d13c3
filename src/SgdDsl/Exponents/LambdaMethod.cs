namespace SgdDsl;

/// <summary>How <see cref="StabilityReport.Lambda"/> was obtained (JSON: "exact", "certified", "estimate").</summary>
public enum LambdaMethod
{
    /// <summary>
    /// A closed form evaluated without Monte Carlo error (standard error 0): r = 0; r = 1 or commuting restricted
    /// Hessians with every batch enumerated; or a single possible batch (B = N without replacement or reshuffling,
    /// or N = 1), where λ = μ.
    /// </summary>
    Exact,

    /// <summary>
    /// A Monte Carlo estimate with a standard error: the renormalized product of random matrices on the normal
    /// space, or an average over randomly drawn batches when an exact case has too many batches to enumerate.
    /// </summary>
    Estimate,

    /// <summary>
    /// The sign of λ is certified by a bound free of Monte Carlo error: ½ log ρ(E[A⊗A]) &lt; 0 (stable) or
    /// (1/r) E log|det A_ξ| &gt; 0 (unstable), named by <see cref="StabilityReport.CertifiedBy"/>. λ itself is still the
    /// Monte Carlo estimate with its standard error (run to <see cref="StabilityOptions.StandardErrorTarget"/>), inside
    /// <see cref="StabilityReport.LambdaBounds"/>; never the bound.
    /// </summary>
    Certified,
}
