namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>
/// --resume: reads the --out file and returns the keys already computed. Every row must have been computed from this
/// sweep's inputs (same loss, data and options), and two rows with one key must agree; otherwise nothing is touched and
/// the message says what differs. The file is changed only where it provably ends in an interrupted write of this sweep:
/// a last line without its newline that is the start of one of this grid's rows is cut off (its bytes only), and a last
/// row without its newline gets one, so the next row starts on its own line.
/// </summary>
internal static class SweepResume
{
    private const string Flag = "--resume";
    private const string Lead = "{\"index\":";

    public static HashSet<string> Prepare(string path, SweepGrid grid, SweepInputs inputs)
    {
        var file = SweepFile.Read(Flag, path);
        foreach (var row in file.Rows)
        {
            if (row.Inputs is not { } theirs) throw SweepFile.WithoutInputs(Flag, path, row);
            if (theirs != inputs)
                throw new DataException($"{Flag}: {path}, line {row.LineNumber} was computed from other inputs than this sweep; different: {theirs.Differences(inputs, "in the file", "now")}. " +
                    "Resume with the same inputs, or write to another --out.");
        }
        if (SweepFile.Conflicts(file.Rows.Select(r => (path, r))) is [var (_, first, _, other), ..])
            throw new DataException($"{Flag}: {path}, lines {first.LineNumber} and {other.LineNumber} have the same key but differ; the file mixes two computations of one point.");
        if (file.CutTail is { } tail)
        {
            if (!IsStartOfRow(tail, grid, inputs))
                throw new DataException($"{Flag}: {path}, line {file.CutTailLine}: the last line is cut short but is not the start of a row of this sweep " +
                    $"('{SgdDsl.Data.Excerpt.Of(tail)}'), so it is left alone; remove it by hand if it is the remains of an interrupted run.");
            SweepFile.CutLastLine(Flag, path, tail);
        }
        else if (!file.EndsWithNewline)
        {
            SweepFile.EndLastLine(path);
        }
        return file.Rows.Select(r => r.Key).ToHashSet();
    }

    /// <summary>
    /// Whether <paramref name="tail"/> is what an interrupted write of one of this grid's rows leaves: a prefix of the
    /// row's first bytes (index, key and inputs, known before anything is computed), or those bytes and more.
    /// </summary>
    private static bool IsStartOfRow(string tail, SweepGrid grid, SweepInputs inputs)
    {
        if (tail.Length <= Lead.Length) return Lead.StartsWith(tail, StringComparison.Ordinal) && tail.Length > 0;
        if (!tail.StartsWith(Lead, StringComparison.Ordinal)) return false;
        var digits = tail.AsSpan(Lead.Length);
        var end = digits.IndexOfAnyExcept("0123456789");
        if (end < 0) return digits.Length <= 19;
        if (end == 0 || !long.TryParse(digits[..end], out var index) || index >= grid.Count) return false;
        var start = SweepRow.Start(grid[index], inputs);
        return tail.Length <= start.Length ? start.StartsWith(tail, StringComparison.Ordinal) : tail.StartsWith(start, StringComparison.Ordinal);
    }
}
