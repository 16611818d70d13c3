using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SgdDsl.Plots;
using SgdDsl.Rendering;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// <c>train</c>: real GD or SGD from a seeded or given start, the end point polished onto the minimum manifold, then
/// written (--out), drawn (--plot) and, with --analyze, judged at that polished point under the training's own η and B.
/// </summary>
internal sealed class TrainCommand
{
    private readonly ProblemInputs _inputs;
    private readonly Option<string> _method = new("--method") { Description = "gd (full batch) or sgd (batches of --batch).", DefaultValueFactory = _ => "sgd" };
    private readonly StepInputs _step = new();
    private readonly Option<string> _init = new("--init") { Description = "The start: normal, θ_k ~ N(0, s²/fan-in) per parameter block (s = --init-scale).", DefaultValueFactory = _ => "normal" };
    private readonly Option<double> _initScale = NumberOption.Real("--init-scale", "s, multiplying the standard deviation of --init normal (≥ 0).", 1.0);
    private readonly Option<FileInfo?> _initFile = FileOption.Optional("--init-file", "Start from the point in this file (training JSON or one-row CSV) instead of --init.");
    private readonly Option<int> _maxSteps = NumberOption.Whole("--max-steps", "Most training steps.", new TrainingOptions().MaxSteps);
    private readonly Option<double> _lossTarget = NumberOption.Real("--loss-target", "Stop when the mean loss falls below this (≥ 0).", new TrainingOptions().LossTarget);
    private readonly Option<string?> _out = new("--out") { Description = "Write the point reached (polished when possible) as JSON: the file --at-file and --init-file read." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the JSON of --out instead of the text summary (with --analyze, the report under \"analysis\")." };
    private readonly Option<string?> _plot = new("--plot") { Description = "Draw the loss curve (log scale) to this .png or .svg." };
    private readonly Option<bool> _analyze = new("--analyze") { Description = "Print the stability report of the polished end point, under the training's η, B and sampling." };
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public TrainCommand(TextWriter output, TextWriter error, ModelCatalogue models)
    {
        _inputs = new ProblemInputs(models, needsPoint: false, takesPoint: false);
        _output = output;
        _error = error;
        Command = new Command("train", "Train by GD or SGD, polish the end point onto the minima, and write it.\n\n" +
            "Example:\n  sgd-stability train --model LinearRegression --method gd --eta 0.5 --out theta.json --analyze\n" +
            "  sgd-stability analyze --model LinearRegression --at-file theta.json --eta 0.5 --batch 1");
        foreach (var option in _inputs.All.Concat(_step.All)) Command.Options.Add(option);
        foreach (Option option in new Option[] { _method, _init, _initScale, _initFile, _maxSteps, _lossTarget, _out, _json, _plot, _analyze })
            Command.Options.Add(option);
        Command.SetAction(parse => Run(parse));
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var problem = _inputs.Resolve(parse);
        var (model, data) = (problem.Model, problem.Data);
        var options = Options(parse, problem);
        var start = Start(parse, problem);
        var outPath = parse.GetValue(_out);
        var plotPath = parse.GetValue(_plot);
        if (outPath is not null) OutputFile.Check("--out", outPath);
        if (plotPath is not null) OutputFile.Check("--plot", plotPath, createsFolders: true);

        var trained = TrainingRun.Run(model, data, start, options, _error);
        var point = TrainingJson.Render(trained);
        if (outPath is not null) OutputFile.Guard("--out", outPath, () => File.WriteAllText(outPath, point));
        if (plotPath is not null) OutputFile.Guard("--plot", plotPath, () => StabilityPlots.TrainingLoss(TrainingCurves.From(trained.Training), plotPath));

        var report = parse.GetValue(_analyze) && trained.Polished
            ? Stability.Analyze(model, data, trained.Point, new StabilityOptions
            {
                LearningRate = options.LearningRate,
                BatchSize = trained.Training.BatchSize,
                Sampling = options.Sampling,
                Seed = options.Seed,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            })
            : null;

        if (parse.GetValue(_json))
        {
            var json = JsonNode.Parse(point)!.AsObject();
            if (report is not null) json["analysis"] = JsonNode.Parse(JsonReport.Render(report));
            _output.WriteLine(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            _output.Write(TrainingText.Render(trained));
            if (outPath is not null) _output.WriteLine($"  written to {outPath} (read it back with --at-file {outPath})");
            if (report is not null) _output.Write(TextReport.Render(report, model));
            else if (parse.GetValue(_analyze)) _output.WriteLine("  --analyze: the run was not polished (it diverged or was stopped), so there is no minimum to analyse.");
        }

        return trained.Training.StopReason switch
        {
            TrainingStopReason.Diverged => ExitCodes.Diverged,
            TrainingStopReason.Cancelled => ExitCodes.Interrupted,
            _ => ExitCodes.Ok,
        };
    }

    private TrainingOptions Options(ParseResult parse, Problem problem)
    {
        var methodName = parse.GetValue(_method)!;
        if (!TrainingNames.TryParse(methodName, out var method))
            throw new UsageException($"--method: '{methodName}' is not gd or sgd.");
        var (eta, batch) = _step.Resolve(parse, problem.Data);
        var maxSteps = parse.GetValue(_maxSteps);
        if (maxSteps < 1) throw new UsageException($"--max-steps: at least one step, not {maxSteps}.");
        var target = parse.GetValue(_lossTarget);
        if (!(target >= 0) || !double.IsFinite(target))
            throw new UsageException($"--loss-target: a finite value ≥ 0, not {target.ToString(CultureInfo.InvariantCulture)}.");
        return new TrainingOptions
        {
            Method = method,
            LearningRate = eta,
            BatchSize = method == TrainingMethod.GD ? problem.Data.Count : batch,
            Sampling = problem.Sampling,
            Seed = problem.Seed,
            MaxSteps = maxSteps,
            LossTarget = target,
            MaxDegreeOfParallelism = problem.Threads,
        };
    }

    private double[] Start(ParseResult parse, Problem problem)
    {
        var init = parse.GetValue(_init)!;
        var scale = parse.GetValue(_initScale);
        var file = parse.GetValue(_initFile);
        if (file is not null)
        {
            if (parse.GetResult(_init) is { Implicit: false } || parse.GetResult(_initScale) is { Implicit: false })
                throw new UsageException("--init-file: give the start either with --init/--init-scale or with --init-file, not both.");
            return ProblemInputs.ReadPointFile("--init-file", file, problem.Model);
        }
        if (!string.Equals(init, "normal", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--init: '{init}' is not a known initialization (normal; or give --init-file).");
        if (!(scale >= 0) || !double.IsFinite(scale))
            throw new UsageException($"--init-scale: a finite value ≥ 0, not {scale.ToString(CultureInfo.InvariantCulture)}.");
        return Initialization.Normal(problem.Model, problem.Seed, scale);
    }
}
