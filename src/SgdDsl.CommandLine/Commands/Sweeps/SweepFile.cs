using System.Text;
using System.Text.Json;
using SgdDsl.Data;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>A row read back from a sweep's JSONL file: its grid index, key, inputs (null in rows of an earlier version), the line and its number.</summary>
internal sealed record StoredRow(long Index, string Key, SweepInputs? Inputs, string Line, int LineNumber);

/// <summary>
/// A sweep's JSONL file as read for --resume and merge: its rows, and the last line when it is not a row and the file
/// ends without a newline (what an interrupted write leaves; whether it is one is for the reader to decide).
/// </summary>
internal sealed record SweepFileContent(string Path, List<StoredRow> Rows, string? CutTail, int CutTailLine, bool EndsWithNewline);

/// <summary>
/// Reads sweep JSONL files. Any line that is not a row (a JSON object with index and key) is a data error naming the
/// file and line, except a last line without its newline, which is returned as <see cref="SweepFileContent.CutTail"/>.
/// </summary>
internal static class SweepFile
{
    public static SweepFileContent Read(string flag, string path)
    {
        try
        {
            var endsWithNewline = LastByte(path) is null or (byte)'\n';
            var rows = new List<StoredRow>();
            string? cut = null;
            using var reader = new StreamReader(path, Encoding.UTF8);
            var number = 0;
            for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
            {
                number++;
                if (cut != null) throw NotARow(flag, path, number - 1, cut);
                if (line.Trim().Length == 0) continue;
                if (TryParse(line, number, out var row)) rows.Add(row);
                else cut = line;
            }
            if (cut != null && endsWithNewline) throw NotARow(flag, path, number, cut);
            return new SweepFileContent(path, rows, cut, number, endsWithNewline);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"{flag}: {e.Message}");
        }
    }

    /// <summary>Rows with the same key whose lines differ: the pairs, first seen first. Identical lines are duplicates, not conflicts.</summary>
    public static List<(string FirstFile, StoredRow First, string OtherFile, StoredRow Other)> Conflicts(IEnumerable<(string File, StoredRow Row)> rows)
    {
        var first = new Dictionary<string, (string File, StoredRow Row)>();
        var conflicts = new List<(string, StoredRow, string, StoredRow)>();
        foreach (var (file, row) in rows)
        {
            if (!first.TryGetValue(row.Key, out var seen)) first[row.Key] = (file, row);
            else if (seen.Row.Line != row.Line) conflicts.Add((seen.File, seen.Row, file, row));
        }
        return conflicts;
    }

    /// <summary>Says where a row without "inputs" is and why that stops the command.</summary>
    public static DataException WithoutInputs(string flag, string path, StoredRow row) => new(
        $"{flag}: {path}, line {row.LineNumber}: the row has no \"inputs\" (it was written by an earlier sgd-stability), so it cannot be shown to come from the same data, loss and options; recompute it into a new file.");

    /// <summary>Cuts the file at the start of its last line (the bytes after its last newline), leaving every earlier byte as it was.</summary>
    public static void CutLastLine(string flag, string path, string expected)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var buffer = new byte[64 * 1024];
        var end = stream.Length;
        var start = 0L;
        for (var block = end; block > 0 && start == 0;)
        {
            var from = Math.Max(0, block - buffer.Length);
            stream.Position = from;
            stream.ReadExactly(buffer, 0, (int)(block - from));
            var newline = Array.LastIndexOf(buffer, (byte)'\n', (int)(block - from) - 1, (int)(block - from));
            if (newline >= 0) start = from + newline + 1;
            block = from;
        }
        var tail = new byte[end - start];
        stream.Position = start;
        stream.ReadExactly(tail);
        // The line read as text must be these bytes; anything else (a lone \r as line end, say) is not cut.
        if (Encoding.UTF8.GetString(tail) != expected)
            throw new DataException($"{flag}: {path}: the last line is cut short but could not be located byte for byte; remove it by hand.");
        stream.SetLength(start);
    }

    /// <summary>Appends the newline a last row lacks, so the next row starts on a line of its own.</summary>
    public static void EndLastLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.WriteByte((byte)'\n');
    }

    private static byte? LastByte(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0) return null;
        stream.Position = stream.Length - 1;
        return (byte)stream.ReadByte();
    }

    private static DataException NotARow(string flag, string path, int line, string text) =>
        new($"{flag}: {path}, line {line}: not a sweep row (a JSON object with index and key): '{Excerpt.Of(text.Trim())}'.");

    private static bool TryParse(string line, int number, out StoredRow row)
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
            row = new StoredRow(i, key.GetString()!, SweepInputs.Read(root), line.Trim(), number);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
