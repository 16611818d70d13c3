using System.CommandLine;
using SgdDsl.Data;
using SgdDsl.Rendering;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// The model, data and point a command works on, with the sampling, seed and thread count. The point is null only
/// when the command does not need one and neither --at nor a built-in minimum gives one.
/// </summary>
internal sealed record Problem(ILossModel Model, Dataset Data, double[]? Point, BatchSampling Sampling, int Seed, int Threads);

/// <summary>
/// The flags analyze, simulate, sweep and train share, spelled and checked the same way:
/// --model/--loss/--params, --at or --at-file (not for train), --data, --seed, --sampling, --threads. Bad data and
/// point files exit 4.
/// </summary>
/// <param name="models">The models --model chooses from; the first is its default.</param>
/// <param name="needsPoint">Whether the command needs a point (analyze, simulate): then a model without a built-in minimum needs --at or --at-file.</param>
/// <param name="takesPoint">Whether the command reads a point at all (train starts from --init or --init-file instead).</param>
internal sealed class ProblemInputs(ModelCatalogue models, bool needsPoint, bool takesPoint = true)
{
    private readonly ModelCatalogue _models = models;
    private readonly bool _needsPoint = needsPoint;
    private readonly bool _takesPoint = takesPoint;

    public readonly Option<string> ModelName = new("--model") { Description = "A compiled model (see 'models').", DefaultValueFactory = _ => models.Default.Model.Name };
    public readonly Option<string?> Loss = new("--loss") { Description = "A loss typed as a formula instead of a compiled model, e.g. \"0.5*(a*b*x - y)^2\" (needs --params" + (needsPoint ? ", --data and --at)." : " and --data).") };
    public readonly Option<string?> Params = new("--params") { Description = "With --loss: the trained parameters, comma-separated; an array with its shape, e.g. \"W[16,4],v[16]\" (θ holds its entries row-major, W[0,0], W[0,1], …). The other names are data columns; a data array's shape is one more than its largest subscript." };
    public readonly Option<string?> At = new("--at") { Description = "The minimum x*, comma-separated in parameter order (default: the model's built-in minimum)." };
    public readonly Option<FileInfo?> AtFile = FileOption.Optional("--at-file", "The point read from a file instead of --at: the JSON 'train --out' writes, or a CSV whose header names the parameters with one row of values.");
    public readonly Option<FileInfo?> Data = FileOption.Optional("--data", "CSV file with a header naming the model's data columns (default: the built-in data).");
    public readonly Option<int> Seed = NumberOption.Whole("--seed", "Random seed; the same seed gives the same numbers.", AnalyzeCommand.DefaultSeed);
    public readonly Option<string> Sampling = new("--sampling") { Description = "Batch sampling: without|with|reshuffle (or " + string.Join(", ", SamplingNames.Names) + ").", DefaultValueFactory = _ => SamplingNames.Name(BatchSampling.WithoutReplacement) };
    public readonly Option<int?> Threads = NumberOption.OptionalWhole("--threads", "Most threads (≥ 1; default all cores); the numbers do not depend on it.");

    public IEnumerable<Option> All => _takesPoint ? [ModelName, Loss, Params, At, AtFile, Data, Seed, Sampling, Threads] : [ModelName, Loss, Params, Data, Seed, Sampling, Threads];

    /// <summary>Reads the flags; the point is null when neither --at nor a built-in minimum gives one and the command does not need one.</summary>
    public Problem Resolve(ParseResult parse)
    {
        var choice = ModelChoice.Resolve(_models, parse.GetValue(ModelName)!, parse.GetValue(Loss), parse.GetValue(Params));
        var model = choice.Model;
        var file = parse.GetValue(Data);
        var data = file is not null ? ReadData(file, model)
            : Dataset.FromRows(choice.Data ?? throw new UsageException($"--data: a model given by --loss has no built-in data; give a CSV file with the columns {string.Join(", ", model.SampleNames)}."));
        var point = _takesPoint ? ReadPoint(parse, model) ?? (double[]?)choice.Minimum?.Clone() : null;
        if (point is null && _needsPoint)
            throw new UsageException($"--at: {model.Name} has no built-in minimum; give one for {Names(model)} with --at or --at-file.");
        if (!SamplingNames.TryParse(parse.GetValue(Sampling)!, out var sampling))
            throw new UsageException($"--sampling: '{parse.GetValue(Sampling)}' is not one of {string.Join(", ", SamplingNames.Names)}.");
        var threads = parse.GetValue(Threads) ?? -1;
        if (parse.GetValue(Threads) is < 1)
            throw new UsageException($"--threads: the thread count must be at least 1, not {threads}.");
        return new Problem(model, data, point, sampling, parse.GetValue(Seed), threads);
    }

    /// <summary>The point of --at or --at-file (never both), or null when neither is given.</summary>
    private double[]? ReadPoint(ParseResult parse, ILossModel model)
    {
        var (at, file) = (parse.GetValue(At), parse.GetValue(AtFile));
        if (at is not null && file is not null) throw new UsageException("--at-file: give the point either with --at or with --at-file, not both.");
        return at is not null ? ParsePoint("--at", at, model) : file is not null ? ReadPointFile("--at-file", file, model) : null;
    }

    /// <summary>θ from a point file (training JSON or one-row CSV); a missing, extra or non-finite value is a data error naming it.</summary>
    public static double[] ReadPointFile(string flag, FileInfo file, ILossModel model)
    {
        try
        {
            return PointFile.Read(file.FullName, model);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new DataException($"{flag}: {e.Message}");
        }
    }

    private static string Names(ILossModel model) =>
        model.ParameterCount <= 12 ? string.Join(", ", model.ParameterNames) : $"its {model.ParameterCount} parameters";

    public static Dataset ReadData(FileInfo file, ILossModel model)
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

    public static double[] ParsePoint(string flag, string text, ILossModel model)
    {
        var parts = CommaList.Split(text);
        if (parts.Length != model.ParameterCount)
            throw new UsageException($"{flag}: '{Excerpt.Of(text)}' has {parts.Length} values but {model.Name} has {model.ParameterCount} parameters ({string.Join(", ", model.ParameterNames)}).");
        var point = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!NumberOption.TryParseReal(parts[i], out point[i]))
                throw new UsageException($"{flag}: value {i + 1} ('{Excerpt.Of(parts[i])}', parameter {model.ParameterNames[i]}) is not a finite number.");
        }
        return point;
    }
}
