using System.Globalization;
using System.Text.Json;

namespace SgdDsl.CommandLine.Commands;

/// <summary>One grid point of a sweep (a JSONL row), or one analyze --json report, reduced to what plots need.</summary>
internal sealed record ExponentRow(int Line, double LearningRate, int BatchSize, double? Position, string? PositionName, double Mu, double Lambda,
    double LambdaStdErr, Verdict GdVerdict, Verdict SgdVerdict, LambdaMethod Method, double LambdaLower, double LambdaUpper);

/// <summary>
/// Reads the files <c>plot</c> draws: a whole JSON object (analyze --json, simulate --json) or JSON lines (sweep rows).
/// Every failure is a <see cref="DataException"/> naming the file and, for JSON lines, the line.
/// </summary>
internal static class PlotInput
{
    /// <summary>The file as one JSON object, or null when it is not one (then it is read as JSON lines).</summary>
    public static JsonElement? WholeObject(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string ReadAll(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"{path}: cannot read the file ({e.Message})");
        }
    }

    /// <summary>
    /// Each non-blank line a JSON object with eta (or learningRate), mu, lambda and the verdicts; sweep rows whose status
    /// is not "ok" (no minimum found, analysis failed) are counted in <paramref name="skipped"/> and left out.
    /// </summary>
    public static List<ExponentRow> Rows(string path, string text, out int skipped)
    {
        skipped = 0;
        var rows = new List<ExponentRow>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            JsonElement row;
            try
            {
                using var document = JsonDocument.Parse(line);
                row = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new DataException($"{path}, line {i + 1}: not a JSON object ({e.Message})");
            }

            if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("status", out var status) && status.GetString() != "ok")
            {
                skipped++;
                continue;
            }

            rows.Add(Row(row, path, i + 1));
        }

        if (rows.Count == 0) throw new DataException($"{path}: no rows (expected JSON lines from 'sweep', or a JSON object from 'analyze --json' or 'simulate --json').");
        return rows;
    }

    public static ExponentRow Row(JsonElement row, string path, int line)
    {
        string Where() => line > 0 ? $"{path}, line {line}" : path;
        if (row.ValueKind != JsonValueKind.Object) throw new DataException($"{Where()}: not a JSON object.");
        double Number(string key, bool required = true)
        {
            if (!row.TryGetProperty(key, out var value))
                return required ? throw new DataException($"{Where()}: the key \"{key}\" is missing.") : double.NaN;
            if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
            if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return x;
            throw new DataException($"{Where()}: \"{key}\" is not a number.");
        }

        Verdict VerdictOf(string key)
        {
            var text = row.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return text switch
            {
                "stable" => Verdict.Stable,
                "unstable" => Verdict.Unstable,
                "inconclusive" => Verdict.Inconclusive,
                _ => throw new DataException($"{Where()}: \"{key}\" must be \"stable\", \"unstable\" or \"inconclusive\"."),
            };
        }

        // A sweep row says where it is by "at" (the path variable's value, or the line of a --points file) and by
        // "position" (the index of that start); one path variable is the natural x axis.
        double? position = null;
        string? positionName = null;
        if (row.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.Object && at.EnumerateObject().ToArray() is [var only])
            (position, positionName) = (Double(only.Value), only.Name);
        else if (row.TryGetProperty("position", out var p) && p.ValueKind == JsonValueKind.Number)
            (position, positionName) = (p.GetDouble(), "position index");
        var batch = row.TryGetProperty("batchSize", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt32() : 0;
        var eta = row.TryGetProperty("eta", out _) ? Number("eta") : Number("learningRate");
        var method = row.TryGetProperty("lambdaMethod", out var m) ? m.GetString() switch
        {
            "exact" => LambdaMethod.Exact,
            "certified" => LambdaMethod.Certified,
            "estimate" => LambdaMethod.Estimate,
            _ => throw new DataException($"{Where()}: \"lambdaMethod\" must be \"exact\", \"certified\" or \"estimate\"."),
        } : LambdaMethod.Estimate;
        double Bound(string key, double missing) => row.TryGetProperty(key, out _) ? Number(key) : missing;
        return new ExponentRow(line, eta, batch, position, positionName, Number("mu"), Number("lambda"), Number("lambdaStdErr", required: false),
            VerdictOf("gdVerdict"), VerdictOf("sgdVerdict"), method, Bound("lambdaLower", double.NegativeInfinity), Bound("lambdaUpper", double.PositiveInfinity));
    }

    public static TrialOutcome Outcome(string? text, string path) => text switch
    {
        "accumulated" => TrialOutcome.Accumulated,
        "escaped" => TrialOutcome.Escaped,
        "diverged" => TrialOutcome.Diverged,
        "unsettled" => TrialOutcome.Unsettled,
        _ => throw new DataException($"{path}: unknown trial outcome \"{text}\"."),
    };

    public static double Double(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN,
        _ => double.NaN,
    };
}
