namespace SgdDsl.Exponents;

/// <summary>
/// λ as <see cref="SgdExponent"/> computed it: the exponent ± its standard error (never a bound), how it was obtained,
/// its verdict (decided by the bound named in <see cref="CertifiedBy"/> when there is one), the bounds, the Monte Carlo
/// record and the findings along the way.
/// </summary>
internal sealed record LambdaResult(
    double Value,
    double StandardError,
    LambdaMethod Method,
    Verdict Verdict,
    CertifyingBound? CertifiedBy,
    LambdaBounds Bounds,
    long Steps,
    int Chains,
    double[] ChainValues,
    IReadOnlyList<LambdaHistoryPoint> History,
    LyapunovExponentEstimate[] Spectrum,
    bool Commuting,
    IReadOnlyList<StabilityFinding> Findings);
