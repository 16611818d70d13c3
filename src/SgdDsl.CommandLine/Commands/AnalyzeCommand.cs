using System.CommandLine;
using System.Globalization;
using SgdDsl.Rendering;

namespace SgdDsl.CommandLine.Commands;

/// <summary><c>sgd-stability analyze</c>: μ and λ at one minimum of one model; also the main job with every default.</summary>
internal sealed class AnalyzeCommand
{
    public const double DefaultLearningRate = 0.15;
    public const int DefaultBatchSize = 1;
    public const int DefaultSeed = 1;

    private readonly ProblemInputs _inputs;
    private readonly StepInputs _step = new();
    private readonly Option<int> _spectrum = NumberOption.Whole("--spectrum", "Report the K largest Lyapunov exponents on N (K ≥ 1; K = r also checks their sum).", 1);
    private readonly MonteCarloBudget _budget = new("Most Monte Carlo steps (over all chains) the estimate may extend itself to while the verdict is undecided.");
    private readonly Option<bool> _minimize = new("--minimize") { Description = "First move --at to a nearby zero-loss point (Levenberg–Marquardt) and say how far it moved." };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of the text report." };
    private readonly TextWriter _output;

    public AnalyzeCommand(TextWriter output, ModelCatalogue models)
    {
        _inputs = new ProblemInputs(models, needsPoint: true);
        _output = output;
        Command = new Command("analyze", "Analyse GD and SGD stability (μ and λ) at a global minimum.\n\n" +
            "Example:\n  sgd-stability analyze --model ProductModel --at 0.35,2.857142857142857 --eta 0.15 --batch 1 --json");
        foreach (var option in _inputs.All.Concat(_step.All)) Command.Options.Add(option);
        foreach (Option option in new Option[] { _spectrum, _budget.MaxSteps, _minimize, _json }) Command.Options.Add(option);
        Command.SetAction(parse => Run(parse));
    }

    public Command Command { get; }

    /// <summary>What the no-argument main job suggests trying next.</summary>
    public const string NextStep =
        "\n  Next: see where along the minima a·b = 1 stability is lost as η grows:\n" +
        "    sgd-stability sweep --path \"a=0.3:3:40\" --fix \"b=1/a\" --eta log:0.02:0.4:30 --out sweep.jsonl\n" +
        "    sgd-stability plot sweep.jsonl --out map.png      (all commands: sgd-stability --help)";

    /// <summary>Runs with the values of <paramref name="parse"/>; the defaults when it is another command's result.</summary>
    public int Run(ParseResult parse)
    {
        var ours = parse.CommandResult.Command == Command;
        // The main job (no arguments) reads every flag as if analyze had been given none.
        if (!ours) parse = Command.Parse([]);

        var problem = _inputs.Resolve(parse);
        var (model, data, point) = (problem.Model, problem.Data, problem.Point!);
        var spectrum = parse.GetValue(_spectrum);
        if (spectrum < 1)
            throw new UsageException($"--spectrum: K must be at least 1, not {spectrum}.");
        var maxSteps = _budget.Resolve(parse);
        var (eta, batch) = _step.Resolve(parse, data);
        var options = new StabilityOptions
        {
            LearningRate = eta,
            BatchSize = batch,
            Seed = problem.Seed,
            Sampling = problem.Sampling,
            SpectrumSize = spectrum,
            MaxDegreeOfParallelism = problem.Threads,
        };
        if (maxSteps is { } m) options = options with { MaxSteps = m };

        string? moved = null;
        if (parse.GetValue(_minimize))
        {
            var result = Stability.Minimize(model, data, point);
            moved = $"--minimize moved the point by {result.DistanceMoved.ToString("G3", CultureInfo.InvariantCulture)} (from {string.Join(", ", point.Select(Invariant))}).";
            point = result.Point;
        }

        var report = Stability.Analyze(model, data, point, options);
        if (parse.GetValue(_json)) _output.WriteLine(JsonReport.Render(report));
        else
        {
            if (moved != null) _output.WriteLine(moved);
            _output.Write(TextReport.Render(report, model));
            if (!ours) _output.WriteLine(NextStep);
        }

        return ExitCodes.Ok;
    }

    private static string Invariant(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
