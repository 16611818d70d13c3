using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SgdDsl.Cli.Commands.Sweeps;

namespace SgdDsl.Cli.Commands;

/// <summary>
/// <c>sgd-stability sweep</c>: μ, λ and their verdicts over a grid of positions on the manifold × η × B, one JSON line
/// per point, resumable and shardable.
/// </summary>
internal sealed class SweepCommand
{
    private readonly ProblemInputs _inputs = new(needsPoint: false);
    private readonly Option<string> _eta = new("--eta") { Description = "Learning rates: 0.15, 0.1,0.2, start:end:count (linear, ends included) or log:start:end:count.", DefaultValueFactory = _ => "0.15" };
    private readonly Option<string> _batch = new("--batch") { Description = "Batch sizes: a list like 1,2,4,N (N = all samples).", DefaultValueFactory = _ => "1" };
    private readonly Option<string[]> _path = new("--path") { Description = "A parameter's range, NAME=start:end:count (or log:…, or a list); repeat for a product grid.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> _fix = new("--fix") { Description = "A parameter as a formula in the path variables, e.g. \"b=1/a\"; repeatable." };
    private readonly Option<FileInfo?> _points = new("--points") { Description = "CSV of start points instead of --path: a header naming parameters, one point per line." };
    private readonly Option<FileInfo?> _out = new("--out") { Description = "Write the JSON lines to this file as they are computed (default: stdout)." };
    private readonly Option<FileInfo?> _plot = new("--plot") { Description = "With --out: also draw the rows (μ and λ against η, or the stability map) to this .png or .svg file." };
    private readonly Option<bool> _resume = new("--resume") { Description = "Keep the rows already in --out and compute only the missing points." };
    private readonly Option<string?> _shard = new("--shard") { Description = "i/n: compute only the points whose grid index is i mod n (0 ≤ i < n), for job arrays." };
    private readonly MonteCarloBudget _budget = new("Most Monte Carlo steps per point while a λ estimate is undecided (as analyze).");
    private readonly Option<bool> _json = new("--json") { Description = "With --out: print a JSON summary; without --out the rows go to stdout anyway." };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "No progress bar and no summary." };
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public SweepCommand(TextWriter output, TextWriter error)
    {
        (_output, _error) = (output, error);
        Command = new Command("sweep",
            "Analyse μ and λ over a grid: positions on the minimum manifold (each start brought there by Minimize) × learning rates × batch sizes; one JSON line per point.\n\n" +
            "Example:\n  sgd-stability sweep --path \"a=0.5:2:40\" --fix \"b=1/a\" --eta log:0.01:0.5:20 --batch 1,N --out sweep.jsonl");
        foreach (var option in _inputs.All) Command.Options.Add(option);
        foreach (Option option in new Option[] { _eta, _batch, _path, _fix, _points, _out, _plot, _resume, _shard, _budget.MaxSteps, _json, _quiet }) Command.Options.Add(option);
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var problem = _inputs.Resolve(parse);
        var etas = GridSpec.Parse("--eta", parse.GetValue(_eta)!);
        if (etas.Any(e => !(e > 0))) throw new UsageException($"--eta: every learning rate must be positive ('{parse.GetValue(_eta)}').");
        var batches = GridSpec.Batches("--batch", parse.GetValue(_batch)!, problem.Data.Count);
        var (shard, shards) = ParseShard(parse.GetValue(_shard));
        var paths = parse.GetValue(_path) ?? [];
        var fixes = parse.GetValue(_fix) ?? [];
        var pointsFile = parse.GetValue(_points);
        if (pointsFile is not null && (paths.Length > 0 || fixes.Length > 0))
            throw new UsageException("--points: give either --points or --path/--fix, not both.");
        if (fixes.Length > 0 && paths.Length == 0)
            throw new UsageException("--fix: needs a --path whose variables it uses.");
        var positions = pointsFile is not null ? PointsFile.Read(pointsFile, problem.Model, problem.Point)
            : paths.Length > 0 ? ManifoldPath.Starts(problem.Model, problem.Point, paths, fixes)
            : [new StartPoint(problem.Point ?? throw new UsageException("--at: give a start point (or --path/--points)."), [])];
        var maxSteps = _budget.Resolve(parse);

        var grid = new SweepGrid(problem.Model.Name, positions, etas, batches, problem.Sampling, problem.Seed);
        var outFile = parse.GetValue(_out);
        var resume = parse.GetValue(_resume);
        if (resume && outFile is null) throw new UsageException("--resume: needs --out, the file to resume.");
        var plot = parse.GetValue(_plot);
        if (plot is not null && outFile is null) throw new UsageException("--plot: needs --out, the rows to draw.");
        if (plot is not null) PlotCommand.CheckImagePath("--plot", plot.FullName);
        var finished = new HashSet<string>();
        if (outFile is not null && outFile.Exists && new FileInfo(outFile.FullName).Length > 0)
        {
            if (!resume) throw new UsageException($"--out: {outFile.FullName} already has rows; add --resume to continue it, or choose another file.");
            var rows = SweepFile.Read("--out", outFile.FullName, out var truncated);
            finished.UnionWith(rows.Select(r => r.Key));
            if (truncated) File.WriteAllLines(outFile.FullName, rows.Select(r => r.Line));
        }
        var pending = grid.Shard(shard, shards).Where(i => !finished.Contains(grid[i].Key)).ToList();
        var skipped = grid.Shard(shard, shards).LongCount() - pending.Count;

        using var sink = outFile is null ? null : new StreamWriter(outFile.FullName, append: true);
        var rowsOut = sink ?? _output;
        void Write(string row)
        {
            rowsOut.WriteLine(row);
            rowsOut.Flush();
        }
        var runner = new SweepRunner(problem.Model, problem.Data, problem.Sampling, problem.Seed, maxSteps);
        var threads = problem.Threads > 0 ? problem.Threads : Environment.ProcessorCount;
        var quiet = parse.GetValue(_quiet);
        var failures = 0;
        if (SweepProgress.Available(_error, quiet) && pending.Count > 0)
            SweepProgress.Run(pending.Count, tick => failures = runner.Run(grid, pending, threads, Write, tick));
        else
            failures = runner.Run(grid, pending, threads, Write, null);

        if (outFile is not null && parse.GetValue(_json))
            _output.WriteLine(Summary(outFile.FullName, grid.Count, pending.Count, skipped, failures, shard, shards));
        else if (outFile is not null && !quiet)
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep: {pending.Count} points computed, {skipped} already in {outFile.Name}, {failures} without a minimum or failed; grid {grid.Count} points{(shards > 1 ? $", shard {shard}/{shards}" : "")}."));
        if (plot is not null) PlotCommand.DrawSweep(outFile!.FullName, plot.FullName, quiet ? TextWriter.Null : _output);
        return ExitCodes.Ok;
    }

    private static string Summary(string file, long gridPoints, int computed, long skipped, int failures, int shard, int shards)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("out", file);
            w.WriteNumber("gridPoints", gridPoints);
            w.WriteNumber("computed", computed);
            w.WriteNumber("skipped", skipped);
            w.WriteNumber("failed", failures);
            w.WriteString("shard", $"{shard}/{shards}");
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static (int Shard, int Shards) ParseShard(string? text)
    {
        if (text is null) return (0, 1);
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && i < n)
            return (i, n);
        throw new UsageException($"--shard: '{text}' is not i/n with 0 ≤ i < n, e.g. 0/4.");
    }
}
