using System.CommandLine;
using System.Globalization;
using SgdDsl.Cli.BuiltIn;
using SgdDsl.Rendering;

namespace SgdDsl.Cli.Commands;

/// <summary><c>sgd-stability analyze</c>: μ and λ at one minimum of one model; also the main job with every default.</summary>
internal sealed class AnalyzeCommand
{
    public const double DefaultLearningRate = 0.15;
    public const int DefaultBatchSize = 1;
    public const int DefaultSeed = 1;

    private readonly Option<string> _model = new("--model") { Description = "A compiled model (see 'models').", DefaultValueFactory = _ => BuiltInModels.Default.Model.Name };
    private readonly Option<string?> _loss = new("--loss") { Description = "A loss typed as a formula instead of a compiled model, e.g. \"0.5*(a*b*x - y)^2\" (needs --params, --data and --at)." };
    private readonly Option<string?> _params = new("--params") { Description = "With --loss: the trained parameters, comma-separated; the other names are data columns." };
    private readonly Option<string?> _at = new("--at") { Description = "The minimum x*, comma-separated in parameter order (default: the model's built-in minimum)." };
    private readonly Option<double> _eta = new("--eta") { Description = "Learning rate η > 0.", DefaultValueFactory = _ => DefaultLearningRate };
    private readonly Option<int> _batch = new("--batch") { Description = "Batch size B, 1 ≤ B ≤ N.", DefaultValueFactory = _ => DefaultBatchSize };
    private readonly Option<FileInfo?> _data = new("--data") { Description = "CSV file with a header naming the model's data columns (default: the built-in data)." };
    private readonly Option<int> _seed = new("--seed") { Description = "Random seed; the same seed gives the same numbers.", DefaultValueFactory = _ => DefaultSeed };
    private readonly Option<string> _sampling = new("--sampling") { Description = "Batch sampling: without|with|reshuffle (or " + string.Join(", ", SamplingNames.Names) + ").", DefaultValueFactory = _ => SamplingNames.Name(BatchSampling.WithoutReplacement) };
    private readonly Option<int> _spectrum = new("--spectrum") { Description = "Report the K largest Lyapunov exponents on N (K ≥ 1; K = r also checks their sum).", DefaultValueFactory = _ => 1 };
    private readonly Option<long?> _maxSteps = new("--max-steps") { Description = "Most Monte Carlo steps (over all chains) the estimate may extend itself to while the verdict is undecided." };
    private readonly Option<int?> _threads = new("--threads") { Description = "Most threads (≥ 1); the numbers do not depend on it." };
    private readonly Option<bool> _minimize = new("--minimize") { Description = "First move --at to a nearby zero-loss point (Levenberg–Marquardt) and say how far it moved." };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of the text report." };
    private readonly TextWriter _output;

    public AnalyzeCommand(TextWriter output)
    {
        _output = output;
        Command = new Command("analyze", "Analyse GD and SGD stability (μ and λ) at a global minimum.\n\n" +
            "Example:\n  sgd-stability analyze --model ProductModel --at 0.35,2.857142857142857 --eta 0.15 --batch 1 --json")
        {
            _model, _loss, _params, _at, _eta, _batch, _data, _seed, _sampling, _spectrum, _maxSteps, _threads, _minimize, _json,
        };
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
        T Get<T>(Option<T> option, T fallback) => ours ? parse.GetValue(option)! : fallback;

        var choice = ModelChoice.Resolve(Get(_model, BuiltInModels.Default.Model.Name), Get(_loss, null), Get(_params, null));
        var model = choice.Model;
        var dataFile = Get(_data, null);
        var data = dataFile is not null ? ReadData(dataFile, model)
            : Dataset.FromRows(choice.Data ?? throw new UsageException($"--data: a model given by --loss has no built-in data; give a CSV file with the columns {string.Join(", ", model.SampleNames)}."));
        var at = Get(_at, null);
        var point = at is not null ? ParsePoint(at, model)
            : (double[])(choice.Minimum ?? throw new UsageException($"--at: a model given by --loss has no built-in minimum; give one for {string.Join(", ", model.ParameterNames)}.")).Clone();
        if (!SamplingNames.TryParse(Get(_sampling, SamplingNames.Name(BatchSampling.WithoutReplacement)), out var sampling))
            throw new UsageException($"--sampling: '{parse.GetValue(_sampling)}' is not one of {string.Join(", ", SamplingNames.Names)}.");

        var options = new StabilityOptions
        {
            LearningRate = Get(_eta, DefaultLearningRate),
            BatchSize = Get(_batch, DefaultBatchSize),
            Seed = Get(_seed, DefaultSeed),
            Sampling = sampling,
            SpectrumSize = Get(_spectrum, 1),
        };
        if (options.SpectrumSize < 1)
            throw new UsageException($"--spectrum: K must be at least 1, not {options.SpectrumSize}.");
        if (Get(_maxSteps, null) is { } maxSteps)
        {
            if (maxSteps < 0)
                throw new UsageException($"--max-steps: the budget must be ≥ 0, not {maxSteps}.");
            options = options with { MaxSteps = maxSteps };
        }
        if (Get(_threads, null) is { } threads)
        {
            if (threads < 1)
                throw new UsageException($"--threads: the thread count must be at least 1, not {threads}.");
            options = options with { MaxDegreeOfParallelism = threads };
        }
        if (!(options.LearningRate > 0) || !double.IsFinite(options.LearningRate))
            throw new UsageException($"--eta: the learning rate must be positive and finite, not {options.LearningRate.ToString(CultureInfo.InvariantCulture)}.");
        if (options.BatchSize < 1 || options.BatchSize > data.Count)
            throw new UsageException($"--batch: the batch size must be between 1 and N = {data.Count}, not {options.BatchSize}.");

        string? moved = null;
        if (Get(_minimize, false))
        {
            var result = Stability.Minimize(model, data, point);
            moved = $"--minimize moved the point by {result.DistanceMoved.ToString("G3", CultureInfo.InvariantCulture)} (from {string.Join(", ", point.Select(Invariant))}).";
            point = result.Point;
        }

        var report = Stability.Analyze(model, data, point, options);
        if (Get(_json, false)) _output.WriteLine(JsonReport.Render(report));
        else
        {
            if (moved != null) _output.WriteLine(moved);
            _output.Write(TextReport.Render(report, model));
            if (!ours) _output.WriteLine(NextStep);
        }

        return ExitCodes.Ok;
    }

    private static Dataset ReadData(FileInfo file, ILossModel model)
    {
        try
        {
            return Dataset.FromCsv(file.FullName, model);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            throw new DataException($"--data: {e.Message}");
        }
    }

    private static double[] ParsePoint(string text, ILossModel model)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != model.ParameterCount)
            throw new UsageException($"--at: '{text}' has {parts.Length} values but {model.Name} has {model.ParameterCount} parameters ({string.Join(", ", model.ParameterNames)}).");
        var point = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out point[i]) || !double.IsFinite(point[i]))
                throw new UsageException($"--at: value {i + 1} ('{parts[i]}', parameter {model.ParameterNames[i]}) is not a finite number.");
        }

        return point;
    }

    private static string Invariant(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
