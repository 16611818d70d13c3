namespace SgdDsl;

/// <summary>Which bound certified the sign of λ (<see cref="StabilityReport.CertifiedBy"/>; JSON "upper" or "lower").</summary>
public enum CertifyingBound
{
    /// <summary>The mean-square bound ½ log ρ(E[A_ξ⊗A_ξ]) &lt; 0: λ is negative, SGD-stable.</summary>
    Upper,

    /// <summary>The determinant bound (1/r) E log|det A_ξ| &gt; 0: λ is positive, SGD-unstable.</summary>
    Lower,
}
