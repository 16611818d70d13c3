using System.CommandLine;
using SgdDsl.Cli.Commands.Sweeps;

namespace SgdDsl.Cli.Commands;

/// <summary><c>sgd-stability merge</c>: join sweep shards into one JSONL file, sorted by grid index, each key once.</summary>
internal sealed class MergeCommand
{
    private readonly Argument<FileInfo[]> _inputs = new("files") { Description = "Sweep JSONL files (shards, or runs to combine).", Arity = ArgumentArity.OneOrMore };
    private readonly Option<FileInfo?> _out = new("--out") { Description = "The merged file (default: stdout)." };
    private readonly Option<bool> _json = new("--json") { Description = "With --out: print a JSON summary {out, files, rows, duplicates}." };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "No summary." };
    private readonly TextWriter _output;

    public MergeCommand(TextWriter output)
    {
        _output = output;
        Command = new Command("merge",
            "Join sweep JSONL files (e.g. the shards of a job array): rows sorted by grid index, duplicate keys kept once.\n\n" +
            "Example:\n  sgd-stability merge shard0.jsonl shard1.jsonl --out sweep.jsonl")
        {
            _inputs, _out, _json, _quiet,
        };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var rows = new List<StoredRow>();
        foreach (var file in parse.GetValue(_inputs)!)
            rows.AddRange(SweepFile.Read("merge", file.FullName, out _));
        var merged = rows.GroupBy(r => r.Key).Select(g => g.First()).OrderBy(r => r.Index).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var outFile = parse.GetValue(_out);
        if (outFile is null)
        {
            foreach (var row in merged) _output.WriteLine(row.Line);
            return ExitCodes.Ok;
        }
        File.WriteAllLines(outFile.FullName, merged.Select(r => r.Line));
        var duplicates = rows.Count - merged.Count;
        if (parse.GetValue(_json))
            _output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { @out = outFile.FullName, files = parse.GetValue(_inputs)!.Length, rows = merged.Count, duplicates }));
        else if (!parse.GetValue(_quiet))
            _output.WriteLine($"merge: {merged.Count} rows ({duplicates} duplicates dropped) into {outFile.Name}.");
        return ExitCodes.Ok;
    }
}
