// The selection experiment: which minima do GD and SGD find, and can the other method stay there? One initialization of
// a 64–32–1 tanh net on a balanced subset of the digits is trained by GD at several η and by SGD at several (η, B);
// each end point is polished onto the minimum manifold and analysed under its own settings, and the minimum GD found is
// analysed under SGD as the batch shrinks. Writes results.md and the figures into the output folder.
//
//   dotnet run -c Release --project samples/MinimaSelection [-- --quick] [--out FOLDER] [--data digits.csv]
using System.Diagnostics;
using System.Globalization;
using MinimaSelection;

var settings = SelectionSettings.Full;
var output = Path.Combine("samples", "MinimaSelection", "out");
var dataPath = Digits.DefaultPath;
var quick = false;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--quick": settings = SelectionSettings.Quick; quick = true; break;
        case "--out": output = Value(); break;
        case "--data": dataPath = Value(); break;
        // Overrides, for tuning the experiment without recompiling.
        case "--classes": settings = settings with { Classes = Ints(Value()) }; break;
        case "--per-class": settings = settings with { PerClass = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--init-scale": settings = settings with { InitScale = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--loss-target": settings = settings with { LossTarget = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--gd-eta": settings = settings with { GdLearningRates = Doubles(Value()) }; break;
        case "--gd-steps": settings = settings with { GdMaxSteps = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--sgd": settings = settings with { SgdRuns = Value() is var runs && runs == "none" ? [] : runs.Split(',').Select(SgdRun).ToArray() }; break;
        case "--sgd-steps": settings = settings with { SgdMaxSteps = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--sweep-eta": settings = settings with { BatchSweepLearningRate = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--sweep": settings = settings with { BatchSweep = Value() is var sweep && sweep == "none" ? [] : Ints(sweep) }; break;
        case "--one-hot-per-class": settings = settings with { OneHotPerClass = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: MinimaSelection [--quick] [--out FOLDER] [--data digits.csv] " +
                "[--classes 3,8] [--per-class N] [--init-scale S] [--loss-target L] [--gd-eta 0.1,0.2] [--gd-steps N] [--sgd 0.1:10,0.1:2] " +
                "[--sgd-steps N] [--sweep-eta η] [--sweep 50,10,2] [--one-hot-per-class N]");
            return 2;
    }
}

var clock = Stopwatch.StartNew();
var images = Digits.Load(dataPath);
Console.WriteLine($"{images.Count} digit images from {dataPath}; {(quick ? "quick" : "full")} run, output in {Path.GetFullPath(output)}");
var result = SelectionExperiment.Run(settings, images, Console.WriteLine);
var table = ResultsTable.Render(result);
Directory.CreateDirectory(output);
File.WriteAllText(Path.Combine(output, "results.md"), table);
var figures = Figures.Write(result, output);
Console.WriteLine();
Console.WriteLine(table);
foreach (var figure in figures) Console.WriteLine($"Figure: {Path.GetFullPath(figure)}");
Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F0} s.");
return 0;

static int[] Ints(string list) => list.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
static double[] Doubles(string list) => list.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
static SgdSetting SgdRun(string etaColonBatch) =>
    etaColonBatch.Split(':') is [var eta, var batch]
        ? new SgdSetting(double.Parse(eta, CultureInfo.InvariantCulture), int.Parse(batch, CultureInfo.InvariantCulture))
        : throw new ArgumentException($"--sgd takes η:B pairs, not '{etaColonBatch}'.");
