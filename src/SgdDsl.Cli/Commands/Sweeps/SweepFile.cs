using System.Text.Json;

namespace SgdDsl.Cli.Commands.Sweeps;

/// <summary>A row read back from a sweep's JSONL file: its grid index, key and the line itself.</summary>
internal sealed record StoredRow(long Index, string Key, string Line);

/// <summary>
/// Reads sweep JSONL files for --resume and merge. A last line cut short by an interruption is dropped (it is
/// recomputed); any other line that is not a row is a data error naming the file and line.
/// </summary>
internal static class SweepFile
{
    public static List<StoredRow> Read(string flag, string path, out bool truncatedTail)
    {
        truncatedTail = false;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"{flag}: {e.Message}");
        }
        var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        var rows = new List<StoredRow>();
        for (var k = 0; k <= last; k++)
        {
            if (lines[k].Trim().Length == 0) continue;
            if (TryParse(lines[k], out var row))
            {
                rows.Add(row);
                continue;
            }
            if (k == last)
            {
                truncatedTail = true;
                break;
            }
            throw new DataException($"{flag}: {path}, line {k + 1}: not a sweep row (a JSON object with index and key).");
        }
        return rows;
    }

    private static bool TryParse(string line, out StoredRow row)
    {
        row = null!;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("index", out var index) || !index.TryGetInt64(out var i)
                || !root.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String)
                return false;
            row = new StoredRow(i, key.GetString()!, line.Trim());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
