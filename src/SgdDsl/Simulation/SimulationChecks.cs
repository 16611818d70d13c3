using SgdDsl.Analysis;

namespace SgdDsl.Simulating;

/// <summary>Checks <see cref="SimulationOptions"/> at the door; messages name the property and its rule.</summary>
internal static class SimulationChecks
{
    public static void Options(SimulationOptions o, int n)
    {
        const string name = "options";
        if (!(o.LearningRate > 0.0) || !double.IsFinite(o.LearningRate))
            throw ArgumentChecks.OutOfRange(name, nameof(o.LearningRate), o.LearningRate, "must be positive and finite");
        if (o.BatchSize < 1 || o.BatchSize > n)
            throw ArgumentChecks.OutOfRange(name, nameof(o.BatchSize), o.BatchSize, $"must be in [1, N] = [1, {n}]");
        if (!Enum.IsDefined(o.Sampling))
            throw ArgumentChecks.OutOfRange(name, nameof(o.Sampling), o.Sampling, "is not a BatchSampling value");
        if (o.Trials < 1)
            throw ArgumentChecks.OutOfRange(name, nameof(o.Trials), o.Trials, "must be ≥ 1");
        if (o.Steps < 1)
            throw ArgumentChecks.OutOfRange(name, nameof(o.Steps), o.Steps, "must be ≥ 1");
        Positive(o.Displacement, nameof(o.Displacement));
        Positive(o.Radius, nameof(o.Radius));
        Positive(o.IntervalZ, nameof(o.IntervalZ));
        Positive(o.NormalSpaceTolerance, nameof(o.NormalSpaceTolerance));
        NonNegative(o.LossTolerance, nameof(o.LossTolerance));
        NonNegative(o.MinimumLossTolerance, nameof(o.MinimumLossTolerance));
        NonNegative(o.MinimumGradientTolerance, nameof(o.MinimumGradientTolerance));
        if (!(o.FitFloor > 0.0 && o.FitFloor < 1.0))
            throw ArgumentChecks.OutOfRange(name, nameof(o.FitFloor), o.FitFloor, "must be in (0, 1)");
        if (!(o.FitCeiling > 1.0) || !double.IsFinite(o.FitCeiling))
            throw ArgumentChecks.OutOfRange(name, nameof(o.FitCeiling), o.FitCeiling, "must be finite and > 1");
        if (o.MaxDegreeOfParallelism == 0 || o.MaxDegreeOfParallelism < -1)
            throw ArgumentChecks.OutOfRange(name, nameof(o.MaxDegreeOfParallelism), o.MaxDegreeOfParallelism, "must be −1 (runtime default) or ≥ 1");

        static void Positive(double value, string property)
        {
            if (!(value > 0.0) || !double.IsFinite(value))
                throw ArgumentChecks.OutOfRange(name, property, value, "must be positive and finite");
        }

        static void NonNegative(double value, string property)
        {
            if (!(value >= 0.0) || !double.IsFinite(value))
                throw ArgumentChecks.OutOfRange(name, property, value, "must be finite and ≥ 0");
        }
    }
}
