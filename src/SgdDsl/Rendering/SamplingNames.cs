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

    // Short spellings accepted on the command line as well.
    private static readonly (BatchSampling Value, string Name)[] Aliases =
    [
        (BatchSampling.WithoutReplacement, "without"),
        (BatchSampling.WithReplacement, "with"),
        (BatchSampling.Reshuffling, "reshuffle"),
    ];

    /// <summary>Every canonical name, in declaration order (the short forms without, with, reshuffle are also accepted).</summary>
    public static IEnumerable<string> Names => All.Select(a => a.Name);

    /// <summary>The name of <paramref name="sampling"/>.</summary>
    public static string Name(BatchSampling sampling) => All.First(a => a.Value == sampling).Name;

    /// <summary>The sampling called <paramref name="name"/> (case-insensitive; canonical or short form), if any.</summary>
    public static bool TryParse(string name, out BatchSampling sampling)
    {
        foreach (var (value, n) in All.Concat(Aliases))
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
