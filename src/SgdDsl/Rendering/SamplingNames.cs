namespace SgdDsl.Rendering;

/// <summary>The names of <see cref="BatchSampling"/> values on the command line and in JSON.</summary>
public static class SamplingNames
{
    private static readonly (BatchSampling Value, string Name)[] All =
    [
        (BatchSampling.WithoutReplacement, "without-replacement"),
        (BatchSampling.WithReplacement, "with-replacement"),
        (BatchSampling.Reshuffling, "reshuffling"),
    ];

    /// <summary>Every accepted name, in declaration order.</summary>
    public static IEnumerable<string> Names => All.Select(a => a.Name);

    /// <summary>The name of <paramref name="sampling"/>.</summary>
    public static string Name(BatchSampling sampling) => All.First(a => a.Value == sampling).Name;

    /// <summary>The sampling called <paramref name="name"/> (case-insensitive), if any.</summary>
    public static bool TryParse(string name, out BatchSampling sampling)
    {
        foreach (var (value, n) in All)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                sampling = value;
                return true;
            }
        }

        sampling = default;
        return false;
    }
}
