using SgdDsl.Exponents;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// The estimate chooses its length from <see cref="StabilityOptions.StandardErrorTarget"/>: it starts at Steps/8 per
/// chain and doubles until SE ≤ target × max(1, |λ̂|) and the verdict is decided, or until the step budget, and then
/// says that it missed. Same seed, same numbers at any thread count on this path too.
/// </summary>
public class EstimateLengthTests
{
    // Non-commuting, invertible maps in 2-D (as in PathTests): λ comes from the estimate.
    private static readonly Dataset Data = TwoFeatureLinearModel.WithFeatures((1.2, 0.0), (0.5, 0.9), (-0.7, 0.6));

    private static readonly StabilityOptions Options = new() { LearningRate = 0.8, Steps = 40_000, Transient = 500, Chains = 4, BlocksPerChain = 10 };

    private static StabilityReport Analyze(StabilityOptions options) =>
        Stability.Analyze(new TwoFeatureLinearModel(), Data, [0.0, 0.0], options);

    private static double Target(StabilityOptions options, double lambda) => options.StandardErrorTarget * Math.Max(1, Math.Abs(lambda));

    [Theory]
    [InlineData(1e-2)]
    [InlineData(1e-3)]
    public void The_run_stops_at_the_first_doubling_that_meets_the_target(double target)
    {
        var options = Options with { StandardErrorTarget = target };
        var report = Analyze(options);
        Assert.NotEqual(LambdaMethod.Exact, report.LambdaMethod);
        Assert.NotEqual(Verdict.Inconclusive, report.SgdVerdict);
        Assert.True(report.LambdaStandardError <= Target(options, report.Lambda), $"SE {report.LambdaStandardError} above target");
        Assert.DoesNotContain(report.Findings, f => f is StabilityFinding.StandardErrorTargetMissed);
        // History has one point per block of every chain's run; a run that doubled failed the rule half as many blocks ago.
        var blocksPerChain = report.History.Count;
        if (blocksPerChain > Options.BlocksPerChain)
        {
            var previous = report.History[blocksPerChain / 2 - 1];
            var decided = Math.Abs(previous.Lambda) > Options.ConfidenceMultiplier * previous.StandardError;
            Assert.False(previous.StandardError <= Target(options, previous.Lambda) && decided, $"could have stopped at {previous.StepsPerChain} steps per chain");
        }
        else
            Assert.Equal(Options.Chains * (long)Options.Steps / LyapunovEstimator.FirstRunDivisor, report.Steps);
    }

    [Fact]
    public void A_loose_target_stops_before_the_default_length()
    {
        var report = Analyze(Options with { StandardErrorTarget = 0.05 });
        Assert.Equal(Options.Chains * (long)Options.Steps / LyapunovEstimator.FirstRunDivisor, report.Steps);
        var full = Analyze(Options with { AlwaysEstimate = true });
        Assert.Equal(Options.Chains * (long)Options.Steps, full.Steps);
    }

    [Fact]
    public void A_target_out_of_reach_stops_at_the_budget_and_says_so()
    {
        var options = Options with { StandardErrorTarget = 1e-9, MaxSteps = 4L * 40_000 };
        var report = Analyze(options);
        Assert.True(report.Steps <= options.MaxSteps);
        Assert.True(report.Steps * 2 > options.MaxSteps, "stopped before the budget");
        Assert.True(report.LambdaStandardError > Target(options, report.Lambda));
        var missed = Assert.Single(report.Findings.OfType<StabilityFinding.StandardErrorTargetMissed>());
        Assert.Equal(report.LambdaStandardError, missed.StandardError);
        Assert.Equal(Target(options, report.Lambda), missed.Target);
        Assert.Contains(report.Notes, n => n.Contains("above its target"));
    }

    [Fact]
    public void Target_driven_runs_are_bit_identical_for_any_degree_of_parallelism()
    {
        var serial = Analyze(Options with { MaxDegreeOfParallelism = 1, SpectrumSize = 2 });
        foreach (var parallel in new[] { 2, 3, -1 })
        {
            var other = Analyze(Options with { MaxDegreeOfParallelism = parallel, SpectrumSize = 2 });
            Assert.Equal(BitConverter.DoubleToInt64Bits(serial.Lambda), BitConverter.DoubleToInt64Bits(other.Lambda));
            Assert.Equal(BitConverter.DoubleToInt64Bits(serial.LambdaStandardError), BitConverter.DoubleToInt64Bits(other.LambdaStandardError));
            Assert.Equal(serial.Steps, other.Steps);
            Assert.Equal(serial.ChainLambdas, other.ChainLambdas);
            Assert.Equal(serial.Spectrum, other.Spectrum);
        }
    }
}
