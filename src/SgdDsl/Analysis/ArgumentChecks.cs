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

    public static ArgumentOutOfRangeException OutOfRange(string parameter, string property, object value, string rule) =>
        new(parameter, value, $"{parameter}.{property} {rule}, but is {(value is double x ? F(x) : value)}.");

    private static string F(double x) => x.ToString(CultureInfo.InvariantCulture);
}
