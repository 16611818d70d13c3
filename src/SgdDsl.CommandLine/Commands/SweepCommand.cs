using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SgdDsl.CommandLine.Commands.Sweeps;
using SgdDsl.Data;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// <c>sgd-stability sweep</c>: μ, λ and their verdicts over a grid of positions on the manifold × η × B, one JSON line
/// per point, resumable and shardable.
/// </summary>
internal sealed class SweepCommand
{
    private readonly ProblemInputs _inputs;
    private readonly Option<string> _eta = new("--eta") { Description = "Learning rates: 0.15, 0.1,0.2, start:end:count (linear, ends included) or log:start:end:count.", DefaultValueFactory = _ => "0.15" };
    private readonly Option<string> _batch = new("--batch") { Description = "Batch sizes: a list like 1,2,4,N (N = all samples).", DefaultValueFactory = _ => "1" };
    private readonly Option<string[]> _path = new("--path") { Description = "A parameter's range, NAME=start:end:count (or log:…, or a list); repeat for a product grid.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> _fix = new("--fix") { Description = "A parameter as a formula in the path variables, e.g. \"b=1/a\"; repeatable." };
    private readonly Option<FileInfo?> _points = FileOption.Optional("--points", "CSV of start points instead of --path: a header naming parameters, one point per line.");
    private readonly Option<FileInfo?> _out = FileOption.Optional("--out", "Write the JSON lines to this file as they are computed (default: stdout).");
    private readonly Option<FileInfo?> _plot = FileOption.Optional("--plot", "With --out: also draw the rows (μ and λ against η, or the stability map) to this .png or .svg file.");
    private readonly Option<bool> _resume = new("--resume") { Description = "Keep the rows already in --out and compute only the missing points." };
    private readonly Option<string?> _shard = new("--shard") { Description = "i/n: compute only the points whose grid index is i mod n (0 ≤ i < n), for job arrays." };
    private readonly MonteCarloBudget _budget = new("Most Monte Carlo steps per point while a λ estimate is undecided (as analyze).");
    private readonly Option<bool> _json = new("--json") { Description = "With --out: print a JSON summary; without --out the rows go to stdout anyway." };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "No progress bar and no summary." };
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public SweepCommand(TextWriter output, TextWriter error, ModelCatalogue models)
    {
        _inputs = new ProblemInputs(models, needsPoint: false);
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
        if (grid.Count > SweepGrid.MaxPoints)
            throw new UsageException($"--eta, --batch, --path/--points: the grid has {positions.Count} positions × {etas.Length} learning rates × {batches.Length} batch sizes = {grid.Count} points, " +
                $"more than a sweep takes (at most {SweepGrid.MaxPoints}); split it into several sweeps.");
        CheckDistinct(positions, etas, batches, pointsFile is not null);
        var outFile = parse.GetValue(_out);
        var resume = parse.GetValue(_resume);
        if (resume && outFile is null) throw new UsageException("--resume: needs --out, the file to resume.");
        var plot = parse.GetValue(_plot);
        if (plot is not null && outFile is null) throw new UsageException("--plot: needs --out, the rows to draw.");
        if (plot is not null)
        {
            PlotCommand.CheckImagePath("--plot", plot.FullName);
            OutputFile.Check("--plot", plot.FullName, createsFolders: true);
        }
        var options = new StabilityOptions { Sampling = problem.Sampling, Seed = problem.Seed };
        if (maxSteps is { } m) options = options with { MaxSteps = m };
        var runner = new SweepRunner(problem.Model, problem.Data, options);
        var finished = new HashSet<string>();
        if (outFile is not null)
        {
            var hasRows = File.Exists(outFile.FullName) && new FileInfo(outFile.FullName).Length > 0;
            if (hasRows && !resume) throw new UsageException($"--out: {outFile.FullName} already has rows; add --resume to continue it, or choose another file.");
            OutputFile.Check("--out", outFile.FullName);
            if (hasRows) finished = SweepResume.Prepare(outFile.FullName, grid, runner.Inputs);
        }
        var pending = grid.Shard(shard, shards).Where(i => !finished.Contains(grid[i].Key)).ToList();
        var skipped = grid.Shard(shard, shards).LongCount() - pending.Count;

        RowAppender? sink = null;
        if (outFile is not null) OutputFile.Guard("--out", outFile.FullName, () => sink = new RowAppender(outFile.FullName));
        using var _ = sink;
        void Write(string row)
        {
            if (sink is null)
            {
                _output.WriteLine(row);
                _output.Flush();
            }
            else
            {
                OutputFile.Guard("--out", outFile!.FullName, () => sink.Append(row));
            }
        }
        var threads = problem.Threads > 0 ? problem.Threads : Environment.ProcessorCount;
        var quiet = parse.GetValue(_quiet);
        var failures = 0;
        if (ConsoleProgress.Available(_error, quiet) && pending.Count > 0)
            ConsoleProgress.Run("sweep", pending.Count, task => failures = runner.Run(grid, pending, threads, Write, () => task.Increment(1)));
        else
            failures = runner.Run(grid, pending, threads, Write, null);

        if (outFile is not null && parse.GetValue(_json))
            _output.WriteLine(Summary(outFile.FullName, grid.Count, pending.Count, skipped, failures, shard, shards));
        else if (outFile is not null && !quiet)
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep: {pending.Count} points computed, {skipped} already in {outFile.Name}, {failures} without a minimum or failed; grid {grid.Count} points{(shards > 1 ? $", shard {shard}/{shards}" : "")}."));
        if (plot is not null) OutputFile.Guard("--plot", plot.FullName, () => PlotCommand.DrawSweep(outFile!.FullName, plot.FullName, quiet ? TextWriter.Null : _output));
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

    /// <summary>Every grid point once: equal learning rates, batch sizes or starts would give rows with one key.</summary>
    private static void CheckDistinct(IReadOnlyList<StartPoint> positions, double[] etas, int[] batches, bool fromPointsFile)
    {
        if (etas.GroupBy(e => e).FirstOrDefault(g => g.Count() > 1) is { } eta)
            throw new UsageException($"--eta: the learning rate {eta.Key.ToString("R", CultureInfo.InvariantCulture)} appears {eta.Count()} times; a sweep computes each point once.");
        if (batches.GroupBy(b => b).FirstOrDefault(g => g.Count() > 1) is { } batch)
            throw new UsageException($"--batch: the batch size {batch.Key} appears {batch.Count()} times (N = the number of samples counts too); a sweep computes each point once.");
        var seen = new Dictionary<string, int>();
        for (var p = 0; p < positions.Count; p++)
        {
            var start = string.Join(",", positions[p].Start.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
            if (!seen.TryAdd(start, p))
            {
                string Name(int k) => fromPointsFile ? $"line {positions[k].Labels[0].Value}" : $"position {k}";
                var message = $"{Name(seen[start])} and {Name(p)} start at the same point ({Excerpt.Of(start)}); a sweep computes each point once.";
                throw fromPointsFile ? new DataException("--points: " + message) : new UsageException("--path: " + message);
            }
        }
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
