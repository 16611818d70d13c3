using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SgdDsl.Data;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// Number flags, parsed the same way in every command: the invariant culture, a decimal point, an optional exponent and
/// sign, and nothing else. System.CommandLine's own parser follows the current culture and accepts thousands
/// separators, so <c>--eta 0,15</c> would be η = 15; here it is a usage error that names the flag.
/// </summary>
internal static class NumberOption
{
    /// <summary>A finite real number (range checks stay with the command, which knows the rule).</summary>
    public static Option<double> Real(string name, string description, double defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => ParseReal(r, name) };

    /// <summary>A whole number in the range of <see cref="int"/>.</summary>
    public static Option<int> Whole(string name, string description, int defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => (int)ParseWhole(r, name, int.MinValue, int.MaxValue) };

    /// <summary>An optional whole number in the range of <see cref="int"/>; absent, null.</summary>
    public static Option<int?> OptionalWhole(string name, string description) =>
        new(name) { Description = description, CustomParser = r => (int)ParseWhole(r, name, int.MinValue, int.MaxValue) };

    /// <summary>An optional whole number in the range of <see cref="long"/>; absent, null.</summary>
    public static Option<long?> OptionalLong(string name, string description) =>
        new(name) { Description = description, CustomParser = r => ParseWhole(r, name, long.MinValue, long.MaxValue) };

    /// <summary>Parses a real number as every number on the command line is parsed: invariant culture, finite.</summary>
    public static bool TryParseReal(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static double ParseReal(ArgumentResult result, string name)
    {
        var text = Token(result);
        if (TryParseReal(text, out var value)) return value;
        result.AddError($"{name}: '{Excerpt.Of(text)}' is not a finite number (write a decimal point and no thousands separators, e.g. 0.15 or 1e-3).");
        return 0;
    }

    private static long ParseWhole(ArgumentResult result, string name, long min, long max)
    {
        var text = Token(result);
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (!long.TryParse(text, style, CultureInfo.InvariantCulture, out var value))
            result.AddError($"{name}: '{Excerpt.Of(text)}' is not a whole number (digits only, no thousands separators).");
        else if (value < min || value > max)
            result.AddError($"{name}: {Excerpt.Of(text)} is too large for a whole number here (at most {max.ToString(CultureInfo.InvariantCulture)} in size).");
        else
            return value;
        return 0;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
