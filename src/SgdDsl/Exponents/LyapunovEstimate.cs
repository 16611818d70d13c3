namespace SgdDsl.Exponents;

/// <summary>λ̂ ± SE from independent chains, with each chain's value and the convergence history.</summary>
internal sealed record LyapunovEstimate(
    double Value,
    double StandardError,
    long MeasuredSteps,
    double[] ChainValues,
    IReadOnlyList<LambdaHistoryPoint> History);
