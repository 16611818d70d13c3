namespace SgdDsl.Rendering;

/// <summary>λ as a phrase, the same in every text renderer: the value, its error, and what is certain about it.</summary>
public static class LambdaText
{
    /// <summary>
    /// "−0.3466 (exact)", "0.2295 ± 0.0003 (sign certified: λ ≥ 0.2027 > 0)" or "0.012 ± 0.001 (estimate, 800000 steps)".
    /// </summary>
    public static string Describe(StabilityReport r)
    {
        var value = r.LambdaStandardError > 0 ? $"{Numbers.Short(r.Lambda)} ± {Numbers.Tiny(r.LambdaStandardError)}" : Numbers.Short(r.Lambda);
        return r.LambdaMethod switch
        {
            LambdaMethod.Exact => $"{value} (exact)",
            LambdaMethod.Certified when r.CertifiedBy == CertifyingBound.Lower => $"{value} (sign certified: λ ≥ {Numbers.Short(r.LambdaBounds.Lower)} > 0)",
            LambdaMethod.Certified => $"{value} (sign certified: λ ≤ {Numbers.Short(r.LambdaBounds.Upper)} < 0)",
            _ => $"{value} (estimate, {r.Steps} steps)",
        };
    }

    /// <summary>
    /// The bounds not already named by <see cref="Describe"/>, each once: "bounds −0.5 ≤ λ ≤ 0.3 (…)", or after a
    /// certified sign the estimate's length and the other bound.
    /// </summary>
    public static string Bounds(StabilityReport r)
    {
        var b = r.LambdaBounds;
        var sampled = b.LowerStandardError > 0 ? $"; lower ± {Numbers.Tiny(b.LowerStandardError)}, sampled" : "";
        return r.CertifiedBy switch
        {
            CertifyingBound.Upper => $"estimate from {r.Steps} steps; other bound (1/r) E log|det A_ξ| = {Numbers.Short(b.Lower)} ≤ λ{sampled}",
            CertifyingBound.Lower => $"estimate from {r.Steps} steps; other bound λ ≤ ½ log ρ(E[A⊗A]) = {Numbers.Short(b.Upper)}",
            _ => $"bounds {Numbers.Short(b.Lower)} ≤ λ ≤ {Numbers.Short(b.Upper)}   ((1/r) E log|det A_ξ| and ½ log ρ(E[A⊗A]){sampled})",
        };
    }
}
