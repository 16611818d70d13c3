using System.CommandLine;
using SgdDsl.CommandLine.Commands.Sweeps;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// <c>sgd-stability merge</c>: join sweep shards into one JSONL file, sorted by grid index, each key once. Rows computed
/// from other inputs are refused; conflicting rows (one key, different lines), a last line cut short and missing grid
/// indices are reported, and stop the merge (exit 4) unless --allow-conflicts.
/// </summary>
internal sealed class MergeCommand
{
    /// <summary>How many problems a message lists before it counts the rest.</summary>
    private const int Listed = 5;

    private readonly Argument<FileInfo[]> _inputs = FileOption.OneOrMore("files", "Sweep JSONL files (shards, or runs to combine).");
    private readonly Option<FileInfo?> _out = FileOption.Optional("--out", "The merged file (default: stdout); written whole or not at all.");
    private readonly Option<bool> _allowConflicts = new("--allow-conflicts")
    {
        Description = "Merge despite conflicting rows (one key, different lines: the first file's is kept), a last line cut short (left out) and missing grid indices; each is reported on stderr.",
    };
    private readonly Option<bool> _json = new("--json") { Description = "With --out: print a JSON summary {out, files, rows, duplicates, conflicts, truncated, gaps}." };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "No summary." };
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public MergeCommand(TextWriter output, TextWriter error)
    {
        (_output, _error) = (output, error);
        Command = new Command("merge",
            "Join sweep JSONL files (e.g. the shards of a job array): rows sorted by grid index, duplicate keys kept once.\n\n" +
            "Example:\n  sgd-stability merge shard0.jsonl shard1.jsonl --out sweep.jsonl")
        {
            _inputs, _out, _allowConflicts, _json, _quiet,
        };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        if (parse.GetValue(_out) is { } target) OutputFile.Check("--out", target.FullName);
        var files = parse.GetValue(_inputs)!.Select(f => SweepFile.Read("merge", f.FullName)).ToList();
        var rows = files.SelectMany(f => f.Rows.Select(r => (File: f.Path, Row: r))).ToList();
        CheckInputs(rows);

        var problems = new List<string>();
        var truncated = files.Where(f => f.CutTail is not null).ToList();
        problems.AddRange(truncated.Select(f => $"{f.Path}, line {f.CutTailLine}: the last line is cut short (an interrupted row); it is left out."));
        var conflicts = SweepFile.Conflicts(rows);
        problems.AddRange(conflicts.Select(c => $"{c.FirstFile}, line {c.First.LineNumber} and {c.OtherFile}, line {c.Other.LineNumber}: the same key with different rows; the first is kept."));
        var merged = rows.Select(r => r.Row).GroupBy(r => r.Key).Select(g => g.First()).OrderBy(r => r.Index).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var gaps = Gaps(merged);
        if (gaps.Count > 0)
            problems.Add($"grid indices {string.Join(", ", gaps.Take(Listed))}{(gaps.Count > Listed ? $" and {gaps.Count - Listed} more" : "")} below the largest, {merged[^1].Index}, have no row (a shard missing?).");

        if (problems.Count > 0)
        {
            var list = string.Join(Environment.NewLine, problems.Take(Listed).Select(p => "  " + p)) + (problems.Count > Listed ? $"{Environment.NewLine}  … and {problems.Count - Listed} more." : "");
            if (!parse.GetValue(_allowConflicts))
                throw new DataException($"merge: {Count(conflicts.Count, "conflicting row")}, {Count(truncated.Count, "cut-short line")}, {Count(gaps.Count, "missing grid index", "missing grid indices")}; " +
                    $"nothing written (add --allow-conflicts to merge anyway):{Environment.NewLine}{list}");
            _error.WriteLine($"warning: merge: {list.TrimStart()}");
        }

        var outFile = parse.GetValue(_out);
        if (outFile is null)
        {
            foreach (var row in merged) _output.WriteLine(row.Line);
            return ExitCodes.Ok;
        }
        WriteWhole(outFile.FullName, merged.Select(r => r.Line));
        var duplicates = rows.Count - merged.Count - conflicts.Count;
        if (parse.GetValue(_json))
            _output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                @out = outFile.FullName, files = files.Count, rows = merged.Count, duplicates, conflicts = conflicts.Count, truncated = truncated.Count, gaps = gaps.Count,
            }));
        else if (!parse.GetValue(_quiet))
            _output.WriteLine($"merge: {merged.Count} rows ({duplicates} duplicates dropped) into {outFile.Name}.");
        return ExitCodes.Ok;
    }

    /// <summary>Rows from other data, another loss or other options never merge; rows without inputs cannot be shown to match.</summary>
    private static void CheckInputs(List<(string File, StoredRow Row)> rows)
    {
        (string File, StoredRow Row, SweepInputs Inputs)? reference = null;
        foreach (var (file, row) in rows)
        {
            if (row.Inputs is not { } inputs) throw SweepFile.WithoutInputs("merge", file, row);
            if (reference is not { } r) reference = (file, row, inputs);
            else if (inputs != r.Inputs)
                throw new DataException($"merge: {r.File}, line {r.Row.LineNumber} and {file}, line {row.LineNumber} were computed from different inputs; different: {inputs.Differences(r.Inputs, "in the second", "in the first")}. Merge only shards of one sweep.");
        }
    }

    private static List<long> Gaps(List<StoredRow> merged)
    {
        var gaps = new List<long>();
        var expected = 0L;
        foreach (var index in merged.Select(r => r.Index).Distinct())
        {
            for (; expected < index; expected++) gaps.Add(expected);
            expected = index + 1;
        }
        return gaps;
    }

    // Written beside the target and moved over it, so an interruption or a full disk leaves the old file, not half a new one.
    private static void WriteWhole(string path, IEnumerable<string> lines)
    {
        var temporary = path + ".merge-" + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        OutputFile.Guard("--out", path, () =>
        {
            try
            {
                File.WriteAllLines(temporary, lines);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        });
    }

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
