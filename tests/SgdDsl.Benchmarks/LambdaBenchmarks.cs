using BenchmarkDotNet.Attributes;

namespace SgdDsl.Benchmarks;

/// <summary>
/// Issue 4 §4 and issue 12 §4: λ by the estimate path for TwoLayerTanh (d = 1088, N = 64 teacher samples, B = 4) on one
/// thread and on two: the whole <see cref="Stability.Analyze"/> call (minimum check, linearization, μ, bounds, estimate).
/// <see cref="DefaultLength"/> true forces the estimate with <see cref="StabilityOptions.AlwaysEstimate"/> at its
/// default length (issue 4's baseline); false is the default call, whose estimate chooses its length from
/// <see cref="StabilityOptions.StandardErrorTarget"/>. The achieved standard error, steps and steps per second are
/// printed by setup (same seed, same numbers at any thread count) and by the <c>--lambda</c> console mode.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class LambdaBenchmarks
{
    private TeacherProblem _problem = null!;
    private StabilityOptions _options = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params(true, false)]
    public bool DefaultLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _problem = TeacherProblem.TwoLayerTanh64();
        _options = Options(_problem, Threads) with { AlwaysEstimate = DefaultLength };
        var report = Stability.Analyze(_problem.Model, _problem.Data, _problem.Minimum, _options);
        Console.WriteLine("// " + Describe(report));
    }

    [Benchmark(Description = "Analyze, λ by estimate")]
    public double Estimate() => Stability.Analyze(_problem.Model, _problem.Data, _problem.Minimum, _options).Lambda;

    /// <summary>η = 1/sharpness (half the GD threshold), B = 4, the estimate forced, the default step count and seed.</summary>
    public static StabilityOptions Options(TeacherProblem problem, int threads) => new()
    {
        LearningRate = 1.0 / problem.Sharpness(),
        BatchSize = 4,
        MaxDegreeOfParallelism = threads,
        AlwaysEstimate = true,
        Seed = 1,
    };

    public static string Describe(StabilityReport report) =>
        $"λ = {report.Lambda:G6} ± {report.LambdaStandardError:G3} ({report.LambdaMethod}), steps = {report.Steps}, chains = {report.Chains}, " +
        $"r = {report.NormalDimension}, μ = {report.Mu:G4}, bounds [{report.LambdaBounds.Lower:G4}, {report.LambdaBounds.Upper:G4}]";
}
