using System.Diagnostics;
using SgdDsl;

namespace MinimaSelection;

/// <summary>Everything one run of the experiment found.</summary>
public sealed record SelectionResult
{
    /// <summary>The settings it ran with.</summary>
    public required SelectionSettings Settings { get; init; }

    /// <summary>N of the ±1 task.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Each GD and SGD run of the ±1 task, analysed under its own (η, B).</summary>
    public required IReadOnlyList<FoundMinimum> Runs { get; init; }

    /// <summary>The minimum GD found at <see cref="SelectionSettings.BatchSweepLearningRate"/>, analysed at B = N and each smaller batch.</summary>
    public required IReadOnlyList<FoundMinimum> BatchSweep { get; init; }

    /// <summary>The one-hot variant's runs (GD, SGD, and the GD minimum under the SGD batch); empty when left out.</summary>
    public required IReadOnlyList<FoundMinimum> OneHot { get; init; }

    /// <summary>The runs that found no minimum to analyse (diverged), each as "label: why".</summary>
    public IReadOnlyList<string> Failed { get; init; } = [];

    /// <summary>Every minimum found by GD, in both tasks, under B = N.</summary>
    public IEnumerable<FoundMinimum> GdMinima => Runs.Concat(OneHot).Where(m => m.Method == TrainingMethod.GD && m.AnalysedBatch == m.TrainingBatch);

    /// <summary>Every minimum found by SGD, under its own B.</summary>
    public IEnumerable<FoundMinimum> SgdMinima => Runs.Concat(OneHot).Where(m => m.Method == TrainingMethod.SGD);

    /// <summary>The GD-found minima under a batch smaller than N (the sweep and the one-hot variant).</summary>
    public IEnumerable<FoundMinimum> GdMinimaUnderSgd => BatchSweep.Concat(OneHot).Where(m => m.Method == TrainingMethod.GD && m.AnalysedBatch < m.TrainingBatch);
}

/// <summary>
/// The selection experiment: one initialization of a 64–32–1 tanh net on a balanced subset of the digits, trained by GD
/// at several η and by SGD at several (η, B); each end point polished onto the minimum manifold and analysed under the
/// settings that found it; and the minimum GD found analysed under SGD as the batch shrinks.
/// </summary>
public static class SelectionExperiment
{
    /// <summary>Runs the experiment on <paramref name="images"/> (all the digits; the settings pick the subset).</summary>
    public static SelectionResult Run(SelectionSettings settings, IReadOnlyList<DigitImage> images, Action<string>? log = null)
    {
        log ??= _ => { };
        var task = $"{settings.Classes[0]} vs {settings.Classes[1]} (±1)";
        var data = TwoClassData(settings, images);
        var model = DigitsNet.Model;
        var start = Initialization.Normal(model, settings.InitSeed, settings.InitScale);

        var runs = new List<FoundMinimum>();
        var failed = new List<string>();
        var gdMinima = new Dictionary<double, TrainedMinimum>();
        foreach (var eta in settings.GdLearningRates)
        {
            var trained = Train(model, data, start, settings, TrainingMethod.GD, eta, data.Count, settings.GdMaxSteps, log);
            if (!trained.Polished) { failed.Add($"{task}, GD η = {Numbers.Short(eta)}: {trained.Training.StopReason} after {trained.Training.Steps} steps"); continue; }
            gdMinima[eta] = trained;
            runs.Add(Analyse(task, model, data, trained, TrainingMethod.GD, eta, data.Count, data.Count, settings, log));
        }
        foreach (var (eta, batch) in settings.SgdRuns)
        {
            var trained = Train(model, data, start, settings, TrainingMethod.SGD, eta, batch, settings.SgdMaxSteps, log);
            if (!trained.Polished) { failed.Add($"{task}, SGD η = {Numbers.Short(eta)}, B = {batch}: {trained.Training.StopReason} after {trained.Training.Steps} steps"); continue; }
            runs.Add(Analyse(task, model, data, trained, TrainingMethod.SGD, eta, batch, batch, settings, log));
        }

        var sweep = new List<FoundMinimum>();
        var sweepEta = settings.BatchSweepLearningRate;
        if (gdMinima.TryGetValue(sweepEta, out var gdFound))
        {
            sweep.Add(runs.First(r => r.Method == TrainingMethod.GD && r.LearningRate == sweepEta));
            foreach (var batch in settings.BatchSweep.Where(b => b < data.Count))
                sweep.Add(Analyse(task, model, data, gdFound, TrainingMethod.GD, sweepEta, data.Count, batch, settings, log));
        }

        return new SelectionResult
        {
            Settings = settings,
            SampleCount = data.Count,
            Runs = runs,
            BatchSweep = sweep,
            OneHot = settings.OneHotPerClass > 0 ? OneHotRuns(settings, images, log) : [],
            Failed = failed,
        };
    }

    /// <summary>The ±1 task's samples: the balanced subset of the two classes, each row 64 pixels and y = +1 (first class) or −1.</summary>
    public static Dataset TwoClassData(SelectionSettings settings, IReadOnlyList<DigitImage> images) =>
        Dataset.FromRows(Digits.Balanced(images, settings.Classes, settings.PerClass)
            .Select(i => (double[])[.. i.Pixels, i.Label == settings.Classes[0] ? 1.0 : -1.0]).ToArray());

    // The 10-class variant through the vector residual form: GD, SGD, and the GD minimum under the SGD batch.
    private static List<FoundMinimum> OneHotRuns(SelectionSettings settings, IReadOnlyList<DigitImage> images, Action<string> log)
    {
        const string task = "one-hot (10 classes)";
        var subset = Digits.Balanced(images, Enumerable.Range(0, DigitsNet10.K).ToArray(), settings.OneHotPerClass);
        var data = Dataset.FromRows(subset.Select(i =>
            (double[])[.. i.Pixels, .. Enumerable.Range(0, DigitsNet10.K).Select(c => c == i.Label ? 1.0 : 0.0)]).ToArray());
        var model = DigitsNet10.Model;
        var start = Initialization.Normal(model, settings.InitSeed, settings.InitScale);
        var eta = settings.OneHotGdLearningRate;
        var (sgdEta, sgdBatch) = settings.OneHotSgd;

        var gd = Train(model, data, start, settings, TrainingMethod.GD, eta, data.Count, settings.GdMaxSteps, log);
        var sgd = Train(model, data, start, settings, TrainingMethod.SGD, sgdEta, sgdBatch, settings.SgdMaxSteps, log);
        return
        [
            Analyse(task, model, data, gd, TrainingMethod.GD, eta, data.Count, data.Count, settings, log),
            Analyse(task, model, data, sgd, TrainingMethod.SGD, sgdEta, sgdBatch, sgdBatch, settings, log),
            Analyse(task, model, data, gd, TrainingMethod.GD, eta, data.Count, sgdBatch, settings, log),
        ];
    }

    private static TrainedMinimum Train(ILossModel model, Dataset data, double[] start, SelectionSettings settings,
        TrainingMethod method, double eta, int batch, int maxSteps, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var trained = Training.RunAndPolish(model, data, start, new TrainingOptions
        {
            Method = method,
            LearningRate = eta,
            BatchSize = batch,
            Seed = settings.TrainingSeed,
            MaxSteps = maxSteps,
            LossTarget = settings.LossTarget,
        });
        var t = trained.Training;
        log($"  {model.Name} {method} η = {Numbers.Short(eta)}{(method == TrainingMethod.SGD ? $", B = {batch}" : "")}: " +
            $"{t.StopReason} after {t.Steps} steps, L = {Numbers.G(t.EndLoss)}, travelled {Numbers.G(t.DistanceTravelled)}, " +
            $"polish moved {Numbers.G(trained.Moved)} ({clock.Elapsed.TotalSeconds:F1} s)");
        return trained;
    }

    private static FoundMinimum Analyse(string task, ILossModel model, Dataset data, TrainedMinimum trained, TrainingMethod method,
        double eta, int trainingBatch, int analysedBatch, SelectionSettings settings, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var report = Stability.Analyze(model, data, trained.Point, new StabilityOptions
        {
            LearningRate = eta,
            BatchSize = analysedBatch,
            Seed = settings.TrainingSeed,
            MaxSteps = settings.AnalysisMaxSteps,
        });
        var found = new FoundMinimum
        {
            Task = task,
            Method = method,
            LearningRate = eta,
            TrainingBatch = trainingBatch,
            AnalysedBatch = analysedBatch,
            Trained = trained,
            EndSharpness = GaussNewtonSharpness.At(model, data, trained.Training.EndPoint),
            Report = report,
        };
        log($"    analysed at B = {analysedBatch}: sharpness {Numbers.G(report.Sharpness, 5)} (end {Numbers.G(found.EndSharpness, 5)}, 2/η = {Numbers.G(2 / eta)}), " +
            $"μ = {Numbers.G(report.Mu)}, λ = {Numbers.G(report.Lambda)} ± {Numbers.G(report.LambdaStandardError, 2)} ({clock.Elapsed.TotalSeconds:F1} s)");
        return found;
    }
}
