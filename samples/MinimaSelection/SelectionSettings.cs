namespace MinimaSelection;

/// <summary>One SGD training setting: step size η and batch size B.</summary>
public readonly record struct SgdSetting(double LearningRate, int BatchSize);

/// <summary>
/// What the selection experiment trains and analyses. <see cref="Full"/> is the documented run (docs/experiments.md),
/// <see cref="Quick"/> the same pipeline in under a minute, <see cref="Smallest"/> the test's few seconds.
/// </summary>
public sealed record SelectionSettings
{
    /// <summary>The two digit classes of the ±1 task: the first is +1, the second −1.</summary>
    public IReadOnlyList<int> Classes { get; init; } = [3, 8];

    /// <summary>Images per class (N = 2·this for the ±1 task).</summary>
    public int PerClass { get; init; } = 25;

    /// <summary>The initialization's scale s: θ ~ N(0, s²/fan-in) per block, the same start for every run.</summary>
    public double InitScale { get; init; } = 1.0;

    /// <summary>The initialization's seed (SGD batches use <see cref="TrainingSeed"/>).</summary>
    public int InitSeed { get; init; } = 1;

    /// <summary>The seed of the SGD batches and of the analysis's Monte Carlo.</summary>
    public int TrainingSeed { get; init; } = 1;

    /// <summary>Training stops once the mean loss is below this; the polish then finishes the job.</summary>
    public double LossTarget { get; init; } = 1e-10;

    /// <summary>The GD step sizes.</summary>
    public IReadOnlyList<double> GdLearningRates { get; init; } = [0.02, 0.05, 0.1, 0.2];

    /// <summary>The most GD steps per run.</summary>
    public int GdMaxSteps { get; init; } = 100_000;

    /// <summary>The SGD settings.</summary>
    public IReadOnlyList<SgdSetting> SgdRuns { get; init; } = [new(0.1, 10), new(0.1, 2), new(0.05, 1)];

    /// <summary>The most SGD steps per run.</summary>
    public int SgdMaxSteps { get; init; } = 400_000;

    /// <summary>The GD run whose minimum is analysed under SGD with shrinking batches.</summary>
    public double BatchSweepLearningRate { get; init; } = 0.1;

    /// <summary>The batch sizes of that sweep (N, the GD batch, is added first).</summary>
    public IReadOnlyList<int> BatchSweep { get; init; } = [25, 10, 5, 2, 1];

    /// <summary>Images per class of the 10-class one-hot variant (0 leaves it out).</summary>
    public int OneHotPerClass { get; init; } = 5;

    /// <summary>The one-hot variant's GD step size.</summary>
    public double OneHotGdLearningRate { get; init; } = 0.1;

    /// <summary>The one-hot variant's SGD setting.</summary>
    public SgdSetting OneHotSgd { get; init; } = new(0.1, 2);

    /// <summary>The most Monte Carlo steps an undecided λ estimate may extend itself to.</summary>
    public long AnalysisMaxSteps { get; init; } = 3_200_000;

    /// <summary>The documented run: 50 images of 3 and 8, four GD and three SGD settings, the batch sweep, the one-hot variant.</summary>
    public static SelectionSettings Full { get; } = new();

    /// <summary>The same pipeline with fewer and shorter runs: under a minute.</summary>
    public static SelectionSettings Quick { get; } = new()
    {
        GdLearningRates = [0.1, 0.2],
        SgdRuns = [new(0.1, 2)],
        GdMaxSteps = 20_000,
        SgdMaxSteps = 100_000,
        BatchSweep = [10, 2],
        OneHotPerClass = 0,
        AnalysisMaxSteps = 400_000,
    };

    /// <summary>The quick mode's smallest case, for the test: one GD and one SGD run on 20 images, a few seconds.</summary>
    public static SelectionSettings Smallest { get; } = Quick with
    {
        PerClass = 10,
        GdLearningRates = [0.2],
        GdMaxSteps = 10_000,
        BatchSweepLearningRate = 0.2,
        SgdRuns = [new(0.1, 2)],
        SgdMaxSteps = 50_000,
        BatchSweep = [2],
        AnalysisMaxSteps = 200_000,
    };
}
