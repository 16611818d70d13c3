namespace SgdDsl.Exponents;

/// <summary>
/// What the λ computation needs, and nothing else: the SGD step (η, B, sampling), the Monte Carlo budget and the
/// rules that decide when to stop. The facade builds it from <see cref="StabilityOptions"/>, whose properties document
/// each value.
/// </summary>
internal sealed record LambdaSettings(
    double LearningRate,
    int BatchSize,
    BatchSampling Sampling,
    int Seed,
    int Chains,
    int Transient,
    int Steps,
    int BlocksPerChain,
    long MaxSteps,
    long MaxEnumeratedBatches,
    double ConfidenceMultiplier,
    double ExponentTolerance,
    double StandardErrorTarget,
    int SpectrumSize,
    bool AlwaysEstimate,
    int MaxDegreeOfParallelism)
{
    /// <summary>The verdict on a value ± standard error under these settings' z and tolerance.</summary>
    public Verdict VerdictOf(double value, double standardError) =>
        VerdictRule.From(value, standardError, ConfidenceMultiplier, ExponentTolerance);
}
