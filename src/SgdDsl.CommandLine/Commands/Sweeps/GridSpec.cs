using System.Globalization;
using SgdDsl.Data;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>
/// Grid values on the command line: a number <c>0.1</c>, a list <c>0.1,0.2</c>, an evenly spaced range
/// <c>start:end:count</c> (both ends included) or a geometric one <c>log:start:end:count</c>.
/// Errors are usage errors that name the flag.
/// </summary>
internal static class GridSpec
{
    public static double[] Parse(string flag, string text)
    {
        var spec = text.Trim();
        var geometric = spec.StartsWith("log:", StringComparison.OrdinalIgnoreCase);
        if (geometric) spec = spec[4..];
        if (spec.Contains(':'))
        {
            var parts = spec.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 3)
                throw new UsageException($"{flag}: '{Excerpt.Of(text)}' is not start:end:count (or log:start:end:count).");
            var (start, end) = (Number(flag, text, parts[0]), Number(flag, text, parts[1]));
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                throw new UsageException($"{flag}: the count in '{Excerpt.Of(text)}' must be a whole number ≥ 1, not '{Excerpt.Of(parts[2])}'.");
            CheckCount(flag, text, count);
            if (geometric && !(start > 0 && end > 0))
                throw new UsageException($"{flag}: a log range needs positive ends, not '{Excerpt.Of(text)}'.");
            var values = new double[count];
            for (var k = 0; k < count; k++)
            {
                var t = count == 1 ? 0.0 : (double)k / (count - 1);
                values[k] = geometric ? Math.Exp(Math.Log(start) + t * (Math.Log(end) - Math.Log(start))) : start + t * (end - start);
            }
            if (count > 1) values[^1] = end;
            return values;
        }
        if (geometric)
            throw new UsageException($"{flag}: '{Excerpt.Of(text)}' is not log:start:end:count.");
        var list = spec.Split(',', StringSplitOptions.TrimEntries);
        CheckCount(flag, text, list.Length);
        return list.Select(p => Number(flag, text, p)).ToArray();
    }

    /// <summary>Batch sizes: a comma-separated list of whole numbers in [1, N], where <c>N</c> means the full batch.</summary>
    public static int[] Batches(string flag, string text, int sampleCount)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var b = part.Equals("N", StringComparison.OrdinalIgnoreCase) ? sampleCount
                : int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new UsageException($"{flag}: '{Excerpt.Of(part)}' in '{Excerpt.Of(text)}' is not a whole number or N.");
            if (b < 1 || b > sampleCount)
                throw new UsageException($"{flag}: batch size {b} is outside [1, N] = [1, {sampleCount}].");
            values.Add(b);
        }
        return values.ToArray();
    }

    private static void CheckCount(string flag, string text, long count)
    {
        if (count > SweepGrid.MaxPoints)
            throw new UsageException($"{flag}: '{Excerpt.Of(text)}' has {count} values, more than a sweep takes (at most {SweepGrid.MaxPoints} grid points); split it into several sweeps.");
    }

    private static double Number(string flag, string text, string part) =>
        NumberOption.TryParseReal(part, out var x)
            ? x
            : throw new UsageException($"{flag}: '{Excerpt.Of(part)}' in '{Excerpt.Of(text)}' is not a finite number.");
}
