using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SgdDsl.Plots;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// <c>sgd-stability plot</c>: a picture (PNG or SVG, by the extension of --out) of a sweep's JSON lines (μ and λ
/// against η or the position, or the stability map over both), an analyze --json report (the convergence of λ̂),
/// or a simulate --json result (normal distances of the trajectories on a log scale).
/// </summary>
internal sealed class PlotCommand
{
    private static readonly string[] Kinds = ["auto", "exponents", "map", "history", "distance"];

    /// <summary>The smallest and largest side of a picture: checked before anything is drawn, so 100 000 px never allocates 40 GB.</summary>
    public const int MinPixels = 100, MaxPixels = 8000;

    private readonly Argument<FileInfo> _input = FileOption.One("input", "JSON lines from 'sweep', or the JSON of 'analyze --json' or 'simulate --json'.");
    private readonly Option<FileInfo> _out = FileOption.Required("--out", "-o", "The picture to write: FILE.png or FILE.svg.");
    private readonly Option<string> _kind = new("--kind") { Description = "What to draw: " + string.Join("|", Kinds) + " (auto picks from the input).", DefaultValueFactory = _ => "auto" };
    private readonly Option<int?> _batch = NumberOption.OptionalWhole("--batch", "Draw only the sweep rows with this batch size B.");
    private readonly Option<string?> _title = new("--title") { Description = "The chart title (default: says what is drawn and from which file)." };
    private readonly Option<int> _width = NumberOption.Whole("--width", $"Width in pixels ({MinPixels} to {MaxPixels}).", 1100);
    private readonly Option<int> _height = NumberOption.Whole("--height", $"Height in pixels ({MinPixels} to {MaxPixels}).", 650);
    private readonly TextWriter _output;

    public PlotCommand(TextWriter output)
    {
        _output = output;
        Command = new Command("plot",
            "Draw a sweep (μ and λ against η with the error band, or a stability map over position × η), the convergence of λ̂ from 'analyze --json', or the normal distances from 'simulate --json'.\n\n" +
            "Example:\n  sgd-stability analyze --model LinearRegression --json > report.json\n  sgd-stability plot report.json --out history.png")
        {
            _input, _out, _kind, _batch, _title, _width, _height,
        };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var input = parse.GetValue(_input)!;
        var output = parse.GetValue(_out)!.FullName;
        var kind = parse.GetValue(_kind)!;
        var (width, height) = (parse.GetValue(_width), parse.GetValue(_height));
        if (!Kinds.Contains(kind)) throw new UsageException($"--kind: '{kind}' is not one of {string.Join(", ", Kinds)}.");
        CheckImagePath("--out", output);
        OutputFile.Check("--out", output, createsFolders: true);
        CheckPixels("--width", width);
        CheckPixels("--height", height);
        if (!input.Exists) throw new DataException($"{input.FullName}: no such file.");

        var path = input.FullName;
        var text = PlotInput.ReadAll(path);
        var whole = PlotInput.WholeObject(path, text);
        if (kind == "auto")
            kind = whole is { } o && o.TryGetProperty("trialResults", out _) ? "distance"
                : whole is { } a && a.TryGetProperty("history", out _) ? "history"
                : "rows";
        var title = parse.GetValue(_title);

        try
        {
            switch (kind)
            {
                case "distance":
                    StabilityPlots.NormalDistance(Distances(Need(whole, path, "simulate --json"), path, title), output, width, height);
                    break;
                case "history":
                    StabilityPlots.Convergence(History(Need(whole, path, "analyze --json"), path, title), output, width, height);
                    break;
                default:
                    var skipped = 0;
                    var rows = whole is { } single ? [PlotInput.Row(single, path, 0)] : PlotInput.Rows(path, text, out skipped);
                    if (skipped > 0) _output.WriteLine($"Left out {skipped} row(s) whose status is not \"ok\" (no minimum found or the analysis failed).");
                    DrawRows(rows, kind, parse.GetValue(_batch), path, title, output, width, height);
                    break;
            }
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DataException($"{path}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputFile.Failed("--out", output, e);
        }

        _output.WriteLine($"Wrote {output}");
        return ExitCodes.Ok;
    }

    /// <summary>Draws the rows of a sweep file (for <c>sweep --plot</c>): exponents or a stability map, as <c>plot</c> would.</summary>
    public static void DrawSweep(string rowsPath, string output, TextWriter log)
    {
        CheckImagePath("--plot", output);
        var rows = PlotInput.Rows(rowsPath, PlotInput.ReadAll(rowsPath), out var skipped);
        if (skipped > 0) log.WriteLine($"Left out {skipped} row(s) whose status is not \"ok\".");
        DrawRows(rows, "auto", null, rowsPath, null, output, 1000, 600);
        log.WriteLine($"Wrote {output}");
    }

    /// <summary>Throws a usage error naming <paramref name="flag"/> unless the file name ends in .png or .svg.</summary>
    public static void CheckImagePath(string flag, string output)
    {
        if (Path.GetExtension(output).ToLowerInvariant() is not (".png" or ".svg")) throw new UsageException($"{flag}: '{output}' must end in .png or .svg.");
    }

    private static void CheckPixels(string flag, int pixels)
    {
        if (pixels is < MinPixels or > MaxPixels)
            throw new UsageException($"{flag}: {pixels} pixels is outside {MinPixels} to {MaxPixels} (at most {MaxPixels} a side).");
    }

    private static JsonElement Need(JsonElement? whole, string path, string source) =>
        whole ?? throw new DataException($"{path}: expected one JSON object from '{source}'.");

    private static void DrawRows(List<ExponentRow> rows, string kind, int? batch, string path, string? title, string output, int width, int height)
    {
        if (batch is { } b) rows = rows.Where(r => r.BatchSize == b).ToList();
        if (rows.Count == 0) throw new DataException($"{path}: no rows with batch size {batch}.");
        var batches = rows.Select(r => r.BatchSize).Distinct().Order().ToArray();
        if (batches.Length > 1)
            throw new UsageException($"--batch: {path} has rows for batch sizes {string.Join(", ", batches)}; choose one.");
        var etas = rows.Select(r => r.LearningRate).Distinct().Count();
        var positions = rows.Select(r => r.Position).Distinct().Count();
        var name = Path.GetFileName(path);
        var positionLabel = rows[0].PositionName is { } variable && variable != "position index"
            ? $"{variable}, the path variable (parameter units)"
            : "position on the minimum manifold (index along the path)";
        var logEta = LogSpaced(rows.Select(r => r.LearningRate));
        if (kind == "map" || (kind != "exponents" && etas > 1 && positions > 1))
        {
            StabilityPlots.StabilityMap(new StabilityGrid
            {
                Cells = rows.Select(r => new StabilityCell(r.Position ?? 0, r.LearningRate, r.GdVerdict, r.SgdVerdict)).ToArray(),
                Title = title ?? $"Stability map, B = {batches[0]} ({name})",
                PositionLabel = positionLabel,
                LogLearningRate = logEta,
            }, output, Math.Max(width, 1200), height);
            return;
        }

        StabilityPlots.Exponents(Curve(rows, title, name, positionLabel), output, width, height);
    }

    /// <summary>The exponent curve of one batch size's rows: along η when η varies (or nothing does), else along the position.</summary>
    public static ExponentCurve Curve(IReadOnlyList<ExponentRow> rows, string? title, string name, string positionLabel)
    {
        var alongEta = rows.Select(r => r.LearningRate).Distinct().Count() > 1 || rows.Select(r => r.Position).Distinct().Count() <= 1;
        var b = rows[0].BatchSize;
        return new ExponentCurve
        {
            Points = rows.Select(r => new ExponentPoint(alongEta ? r.LearningRate : r.Position ?? 0, r.Mu, r.Lambda, r.LambdaStdErr, r.GdVerdict, r.SgdVerdict)
            {
                Method = r.Method,
                LambdaLower = r.LambdaLower,
                LambdaUpper = r.LambdaUpper,
            }).ToArray(),
            Title = title ?? (alongEta ? $"μ (GD) and λ (SGD) against the learning rate, B = {b} ({name})" : $"μ (GD) and λ (SGD) along the minimum manifold, B = {b} ({name})"),
            XLabel = alongEta ? "learning rate η (step size)" : positionLabel,
            LogX = alongEta && LogSpaced(rows.Select(r => r.LearningRate)),
        };
    }

    // Log-spaced grids (sweep --eta log:…) have a constant ratio; draw those on a log axis.
    private static bool LogSpaced(IEnumerable<double> values)
    {
        var v = values.Distinct().Order().ToArray();
        if (v.Length < 3 || v[0] <= 0) return false;
        var ratio = v[1] / v[0];
        return ratio > 1.0001 && v.Zip(v.Skip(1)).All(p => Math.Abs(p.Second / p.First / ratio - 1) < 1e-6);
    }

    private static LambdaConvergence History(JsonElement report, string path, string? title)
    {
        var points = report.GetProperty("history").EnumerateArray().Select(h => new LambdaHistoryPoint(
            h.GetProperty("stepsPerChain").GetInt64(), PlotInput.Double(h.GetProperty("lambda")), PlotInput.Double(h.GetProperty("stdErr")))).ToArray();
        if (points.Length == 0)
        {
            var method = report.TryGetProperty("lambdaMethod", out var m) ? m.GetString() : "?";
            throw new DataException($"{path}: the report has no λ̂ history (λ is {method}, not a Monte Carlo estimate): nothing to plot.");
        }

        var row = PlotInput.Row(report, path, 0);
        var model = report.TryGetProperty("model", out var n) ? n.GetString() : "model";
        return new LambdaConvergence
        {
            History = points,
            Title = title ?? $"Convergence of λ̂ — {model}, η = {Invariant(row.LearningRate)}, B = {row.BatchSize}",
            Mu = double.IsFinite(row.Mu) ? row.Mu : null,
        };
    }

    private static DistanceTraces Distances(JsonElement result, string path, string? title)
    {
        var steps = result.TryGetProperty("historySteps", out var s) ? s.EnumerateArray().Select(k => k.GetInt32()).ToArray() : null;
        var traces = result.GetProperty("trialResults").EnumerateArray().Select(t => new DistanceTrace(
            t.GetProperty("index").GetInt32(),
            PlotInput.Outcome(t.GetProperty("outcome").GetString(), path),
            t.GetProperty("normalDistance").EnumerateArray().Select(PlotInput.Double).ToArray(),
            steps)).ToArray();
        double? Optional(string key) => result.TryGetProperty(key, out var v) && PlotInput.Double(v) is var x && double.IsFinite(x) ? x : null;
        var model = result.TryGetProperty("model", out var n) ? n.GetString() : "model";
        return new DistanceTraces
        {
            Traces = traces,
            Title = title ?? $"Simulated SGD near a minimum of {model}: distance to the manifold, η = {Invariant(Optional("learningRate") ?? double.NaN)}, B = {(result.TryGetProperty("batchSize", out var b) ? b.GetInt32() : 0)}",
            Lambda = Optional("lambda"),
            GrowthRate = Optional("growthRate"),
        };
    }

    private static string Invariant(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}
