namespace SgdDsl;

/// <summary>
/// Bounds on λ computed without random matrix products, per step (natural log). Lower = (1/r) E log|det A_ξ| on N
/// (the exponents sum to E log|det A_ξ|; −∞ when some batch map is singular); Upper = ½ log ρ(E[A_ξ⊗A_ξ]), the
/// mean-square growth rate (+∞ when not computed: reshuffling, whose steps are not independent, or an r too large).
/// </summary>
/// <param name="Lower">The determinant lower bound.</param>
/// <param name="Upper">The mean-square upper bound.</param>
/// <param name="LowerStandardError">0 when E log|det A_ξ| was enumerated over every batch; otherwise the standard error of its Monte Carlo mean.</param>
public readonly record struct LambdaBounds(double Lower, double Upper, double LowerStandardError)
{
    /// <summary>True when the bounds carry no Monte Carlo error and exclude 0: the sign of λ is certain.</summary>
    public bool ExcludesZero(double tolerance) => LowerStandardError == 0.0 && (Upper < -tolerance || Lower > tolerance);
}
