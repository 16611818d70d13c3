using System.Globalization;

namespace SgdDsl.Analysis;

/// <summary>Checks at the door: exceptions name the argument and, for options, the property and its rule.</summary>
internal static class ArgumentChecks
{
    public static void Problem(ILossModel model, Dataset data, double[] point, string pointName)
    {
        if (data.Width != model.SampleWidth)
            throw new ArgumentException(
                $"The data has {data.Width} columns but model {model.Name} takes samples of width {model.SampleWidth} ({string.Join(", ", model.SampleNames)}).",
                nameof(data));
        if (point.Length != model.ParameterCount)
            throw new ArgumentException(
                $"{pointName} has length {point.Length} but model {model.Name} has {model.ParameterCount} parameters ({string.Join(", ", model.ParameterNames)}).",
                pointName);
        for (var k = 0; k < point.Length; k++)
        {
            if (!double.IsFinite(point[k]))
                throw new ArgumentException($"{pointName}[{k}] is {F(point[k])}; every coordinate must be finite.", pointName);
        }
    }

    public static void Options(StabilityOptions o, int n)
    {
        const string name = "options";
        if (!(o.LearningRate > 0.0) || !double.IsFinite(o.LearningRate))
            throw OutOfRange(name, nameof(o.LearningRate), o.LearningRate, "must be positive and finite");
        if (o.BatchSize < 1 || o.BatchSize > n)
            throw OutOfRange(name, nameof(o.BatchSize), o.BatchSize, $"must be in [1, N] = [1, {n}]");
        if (!Enum.IsDefined(o.Sampling))
            throw OutOfRange(name, nameof(o.Sampling), o.Sampling, "is not a BatchSampling value");
        if (o.Chains < 1)
            throw OutOfRange(name, nameof(o.Chains), o.Chains, "must be ≥ 1");
        if (o.BlocksPerChain < 1 || (long)o.Chains * o.BlocksPerChain < 2)
            throw OutOfRange(name, nameof(o.BlocksPerChain), o.BlocksPerChain, "must be ≥ 1 with Chains × BlocksPerChain ≥ 2 (a standard error needs two blocks)");
        if (o.Steps < o.BlocksPerChain)
            throw OutOfRange(name, nameof(o.Steps), o.Steps, $"must be ≥ BlocksPerChain = {o.BlocksPerChain}");
        if (o.Transient < 0)
            throw OutOfRange(name, nameof(o.Transient), o.Transient, "must be ≥ 0");
        if (!(o.ConfidenceMultiplier > 0.0) || !double.IsFinite(o.ConfidenceMultiplier))
            throw OutOfRange(name, nameof(o.ConfidenceMultiplier), o.ConfidenceMultiplier, "must be positive and finite");
        if (o.MaxEnumeratedBatches < 1 || o.MaxEnumeratedBatches > 1_000_000_000_000L)
            throw OutOfRange(name, nameof(o.MaxEnumeratedBatches), o.MaxEnumeratedBatches, "must be in [1, 1e12]");
        if (o.SpectrumSize < 1)
            throw OutOfRange(name, nameof(o.SpectrumSize), o.SpectrumSize, "must be ≥ 1");
        if (o.MaxSteps < 0)
            throw OutOfRange(name, nameof(o.MaxSteps), o.MaxSteps, "must be ≥ 0");
        CheckTolerance(o.LossTolerance, nameof(o.LossTolerance));
        CheckTolerance(o.GradientTolerance, nameof(o.GradientTolerance));
        CheckTolerance(o.ExponentTolerance, nameof(o.ExponentTolerance));
        if (!(o.NormalSpaceTolerance > 0.0 && o.NormalSpaceTolerance < 1.0))
            throw OutOfRange(name, nameof(o.NormalSpaceTolerance), o.NormalSpaceTolerance, "must be in (0, 1)");
        if (o.MaxDegreeOfParallelism == 0 || o.MaxDegreeOfParallelism < -1)
            throw OutOfRange(name, nameof(o.MaxDegreeOfParallelism), o.MaxDegreeOfParallelism, "must be −1 (runtime default) or ≥ 1");

        static void CheckTolerance(double value, string property)
        {
            if (!(value >= 0.0) || !double.IsFinite(value))
                throw OutOfRange(name, property, value, "must be finite and ≥ 0");
        }
    }

    public static ArgumentOutOfRangeException OutOfRange(string parameter, string property, object value, string rule) =>
        new(parameter, value, $"{parameter}.{property} {rule}, but is {(value is double x ? F(x) : value)}.");

    private static string F(double x) => x.ToString(CultureInfo.InvariantCulture);
}
