namespace SgdDsl.Exponents;

/// <summary>Turns an exponent and its standard error into a <see cref="Verdict"/>.</summary>
internal static class VerdictRule
{
    /// <summary>
    /// Stable when value + z·se &lt; −tol, Unstable when value − z·se &gt; tol, otherwise Inconclusive
    /// (this includes |value| ≤ tol for exact values, the boundary case, and NaN).
    /// </summary>
    public static Verdict From(double value, double standardError, double z, double tolerance)
    {
        if (double.IsNegativeInfinity(value))
            return Verdict.Stable;
        var margin = z * standardError;
        if (value + margin < -tolerance)
            return Verdict.Stable;
        if (value - margin > tolerance)
            return Verdict.Unstable;
        return Verdict.Inconclusive;
    }
}
