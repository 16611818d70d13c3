using SgdDsl.Analysis;

namespace SgdDsl.Descent;

/// <summary>Checks <see cref="TrainingOptions"/> at the door; messages name the property and its rule.</summary>
internal static class TrainingChecks
{
    public static void Options(TrainingOptions o, int n)
    {
        const string name = "options";
        if (!Enum.IsDefined(o.Method))
            throw ArgumentChecks.OutOfRange(name, nameof(o.Method), o.Method, "must be GD or SGD");
        if (!(o.LearningRate > 0.0) || !double.IsFinite(o.LearningRate))
            throw ArgumentChecks.OutOfRange(name, nameof(o.LearningRate), o.LearningRate, "must be positive and finite");
        if (o.Method == TrainingMethod.SGD && (o.BatchSize < 1 || o.BatchSize > n))
            throw ArgumentChecks.OutOfRange(name, nameof(o.BatchSize), o.BatchSize, $"must be in [1, N] = [1, {n}]");
        if (!Enum.IsDefined(o.Sampling))
            throw ArgumentChecks.OutOfRange(name, nameof(o.Sampling), o.Sampling, "is not a BatchSampling value");
        if (o.MaxSteps < 0)
            throw ArgumentChecks.OutOfRange(name, nameof(o.MaxSteps), o.MaxSteps, "must be ≥ 0");
        if (!(o.LossTarget >= 0.0) || !double.IsFinite(o.LossTarget))
            throw ArgumentChecks.OutOfRange(name, nameof(o.LossTarget), o.LossTarget, "must be finite and ≥ 0");
        if (!(o.DivergenceFactor > 1.0) || !double.IsFinite(o.DivergenceFactor))
            throw ArgumentChecks.OutOfRange(name, nameof(o.DivergenceFactor), o.DivergenceFactor, "must be finite and > 1");
        if (o.LossEvaluationInterval is < 1)
            throw ArgumentChecks.OutOfRange(name, nameof(o.LossEvaluationInterval), o.LossEvaluationInterval, "must be ≥ 1 or null");
        if (o.MaxDegreeOfParallelism == 0 || o.MaxDegreeOfParallelism < -1)
            throw ArgumentChecks.OutOfRange(name, nameof(o.MaxDegreeOfParallelism), o.MaxDegreeOfParallelism, "must be −1 (runtime default) or ≥ 1");
    }
}
