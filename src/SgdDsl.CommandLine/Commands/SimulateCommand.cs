using System.CommandLine;
using SgdDsl.Plots;
using SgdDsl.Rendering;

namespace SgdDsl.CommandLine.Commands;

/// <summary><c>sgd-stability simulate</c>: run the real SGD near x* and set the fraction that accumulates and the fitted rate beside λ.</summary>
internal sealed class SimulateCommand
{
    private readonly ProblemInputs _inputs;
    private readonly StepInputs _step = new();
    private readonly Option<int> _trials = NumberOption.Whole("--trials", "Independent trials (random start directions in N).", new SimulationOptions().Trials);
    private readonly Option<int> _steps = NumberOption.Whole("--steps", "SGD steps per trial.", new SimulationOptions().Steps);
    private readonly Option<double> _delta = NumberOption.Real("--delta", "δ, the distance of each start from x* (Euclidean).", new SimulationOptions().Displacement);
    private readonly Option<double> _radius = NumberOption.Real("--radius", "R: a trial accumulates when it ends at zero loss (L ≤ 1e-20) within R of x*.", new SimulationOptions().Radius);
    private readonly Option<bool> _minimize = new("--minimize") { Description = "First move --at to a nearby zero-loss point (Levenberg–Marquardt)." };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object (keys in the README) instead of the summary." };
    private readonly Option<FileInfo?> _plot = FileOption.Optional("--plot", "Also draw the normal distance of the trajectories over time (log scale) to this .png or .svg file.");
    private readonly Option<bool> _quiet = new("--quiet") { Description = "Print nothing but --json output; the exit code tells success." };
    private readonly TextWriter _output;

    public SimulateCommand(TextWriter output, ModelCatalogue models)
    {
        _inputs = new ProblemInputs(models, needsPoint: true);
        _output = output;
        Command = new Command("simulate",
            "Run nonlinear SGD from x* + δu for random unit directions u in the normal space: the fraction that accumulates at x* (Wilson 95% interval) and the growth rate of the distance to the manifold, beside λ.\n\n" +
            "Example:\n  sgd-stability simulate --model ProductModel --at 0.8,1.25 --eta 0.15 --batch 1 --trials 200 --steps 1000");
        foreach (var option in _inputs.All.Concat(_step.All)) Command.Options.Add(option);
        foreach (Option option in new Option[] { _trials, _steps, _delta, _radius, _minimize, _json, _plot, _quiet }) Command.Options.Add(option);
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var problem = _inputs.Resolve(parse);
        var point = problem.Point!;
        var (eta, batch) = _step.Resolve(parse, problem.Data);
        var options = new SimulationOptions
        {
            LearningRate = eta,
            BatchSize = batch,
            Sampling = problem.Sampling,
            Seed = problem.Seed,
            Trials = parse.GetValue(_trials),
            Steps = parse.GetValue(_steps),
            Displacement = parse.GetValue(_delta),
            Radius = parse.GetValue(_radius),
            MaxDegreeOfParallelism = problem.Threads,
        };
        if (parse.GetValue(_plot) is { } plot)
        {
            PlotCommand.CheckImagePath("--plot", plot.FullName);
            OutputFile.Check("--plot", plot.FullName, createsFolders: true);
        }
        if (options.Trials < 1) throw new UsageException($"--trials: at least 1, not {options.Trials}.");
        if (options.Steps < 1) throw new UsageException($"--steps: at least 1, not {options.Steps}.");
        if (!(options.Displacement > 0) || !double.IsFinite(options.Displacement)) throw new UsageException("--delta: δ must be positive and finite.");
        if (!(options.Radius > 0) || !double.IsFinite(options.Radius)) throw new UsageException("--radius: R must be positive and finite.");
        if (parse.GetValue(_minimize)) point = Stability.Minimize(problem.Model, problem.Data, point).Point;

        var analysis = Stability.Analyze(problem.Model, problem.Data, point, new StabilityOptions
        {
            LearningRate = eta, BatchSize = batch, Sampling = problem.Sampling, Seed = problem.Seed, MaxDegreeOfParallelism = problem.Threads,
        });
        var result = Simulation.Run(problem.Model, problem.Data, point, options);
        if (parse.GetValue(_json)) _output.WriteLine(SimulationJson.Render(result, analysis));
        else if (!parse.GetValue(_quiet)) _output.Write(SimulationText.Render(result, analysis));
        if (parse.GetValue(_plot) is { } file)
        {
            OutputFile.Guard("--plot", file.FullName, () => StabilityPlots.NormalDistance(DistanceTraces.From(result, analysis.Lambda), file.FullName));
            if (!parse.GetValue(_quiet) && !parse.GetValue(_json)) _output.WriteLine($"Wrote {file.FullName}");
        }

        return ExitCodes.Ok;
    }
}
