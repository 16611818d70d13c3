namespace SgdDsl.Exponents;

/// <summary>
/// The top k Lyapunov exponents ± SE from independent chains (exponent 0 is λ̂), with each chain's λ̂, the
/// convergence history of λ̂, and the sum of the k exponents ± SE (to compare with E log|det A_ξ| when k = r).
/// Extended: the run went past <see cref="LambdaSettings.Steps"/> per chain. TargetMissed: a target-driven run stopped
/// at the step budget with its standard error still above the target.
/// </summary>
internal sealed record LyapunovEstimate(
    LyapunovExponentEstimate[] Spectrum,
    LyapunovExponentEstimate Sum,
    long MeasuredSteps,
    double[] ChainValues,
    IReadOnlyList<LambdaHistoryPoint> History,
    bool Extended,
    bool TargetMissed)
{
    public double Value => Spectrum[0].Exponent;

    public double StandardError => Spectrum[0].StandardError;
}
