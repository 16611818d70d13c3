using SgdDsl.Cli.BuiltIn;

namespace SgdDsl.Tests.Simulating;

/// <summary>
/// The theorem seen in nonlinear SGD on the product model ℓ = ½(abx − y)², x = (0.9, 2.5), y = x, η = 0.15, B = 1,
/// whose minima are the hyperbola ab = 1. THEORY.md: with s = a² + b², λ = ½ Σ_i log|1 − η s x_i²| exactly (r = 1).
/// </summary>
public class SimulationTheoremTests
{
    private const double Eta = 0.15;
    private static readonly Dataset Data = Dataset.FromRows([[0.9, 0.9], [2.5, 2.5]]);

    private static double Lambda(double a)
    {
        var s = a * a + 1 / (a * a);
        return (Math.Log(Math.Abs(1 - Eta * s * 0.81)) + Math.Log(Math.Abs(1 - Eta * s * 6.25))) / 2;
    }

    private static SimulationResult Simulate(double a, int threads = -1) =>
        Simulation.Run(ProductModel.Model, Data, [a, 1 / a], new SimulationOptions
        {
            LearningRate = Eta,
            BatchSize = 1,
            Seed = 11,
            Trials = 200,
            Steps = 600,
            MaxDegreeOfParallelism = threads,
        });

    [Fact]
    public void Where_lambda_is_clearly_negative_almost_every_trial_accumulates_and_the_rate_matches_lambda()
    {
        // a = 0.8: one sample's step map expands (|1 − ηs·6.25| = 1.065) yet λ = −0.124.
        var lambda = Lambda(0.8);
        Assert.InRange(lambda, -0.13, -0.12);
        var result = Simulate(0.8);
        Assert.True(result.AccumulatedFraction >= 0.95, $"accumulated {result.Accumulated}/200");
        Assert.True(result.AccumulatedLower > 0.9);
        // Within four standard errors of the pooled fit, plus 1e-3 for the O(δ) nonlinear bias.
        Assert.True(Math.Abs(result.GrowthRate - lambda) <= 4 * result.GrowthRateStandardError + 1e-3,
            $"rate {result.GrowthRate} ± {result.GrowthRateStandardError}, λ = {lambda}");
        Assert.True(result.GrowthRateStandardError < 0.01);
    }

    [Fact]
    public void Where_lambda_is_clearly_positive_almost_no_trial_accumulates_and_the_rate_matches_lambda()
    {
        // a = 1.932: s ≈ 4, λ ≈ +0.17 (GD is also unstable there).
        var lambda = Lambda(1.932);
        Assert.InRange(lambda, 0.15, 0.2);
        var result = Simulate(1.932);
        Assert.True(result.AccumulatedFraction <= 0.05, $"accumulated {result.Accumulated}/200");
        Assert.True(result.AccumulatedUpper < 0.1);
        Assert.Equal(result.Trials.Count, result.Accumulated + result.Escaped + result.Diverged + result.Unsettled);
        Assert.True(Math.Abs(result.GrowthRate - lambda) <= 4 * result.GrowthRateStandardError + 1e-3,
            $"rate {result.GrowthRate} ± {result.GrowthRateStandardError}, λ = {lambda}");
        Assert.True(result.GrowthRateStandardError < 0.05);
    }

    [Fact]
    public void The_same_seed_gives_the_same_trials_whatever_the_thread_count()
    {
        var one = Simulate(0.8, threads: 1);
        var two = Simulate(0.8, threads: 2);
        Assert.Equal(one.GrowthRate, two.GrowthRate);
        for (var j = 0; j < one.Trials.Count; j++)
        {
            Assert.Equal(one.Trials[j].EndPoint, two.Trials[j].EndPoint);
            Assert.Equal(one.Trials[j].NormalDistance, two.Trials[j].NormalDistance);
        }
    }

    [Fact]
    public void Start_directions_are_unit_vectors_in_the_normal_space()
    {
        // At (a, b) the normal space is spanned by (b, a), the gradient of ab.
        var a = 0.8;
        var result = Simulate(a);
        foreach (var t in result.Trials)
        {
            Assert.Equal(1.0, Math.Sqrt(t.Direction.Sum(u => u * u)), 1e-12);
            var tangent = (a * t.Direction[0] - (1 / a) * t.Direction[1]) / Math.Sqrt(a * a + 1 / (a * a));
            Assert.Equal(0.0, tangent, 1e-12);
            Assert.Equal(result.Options.Displacement, t.NormalDistance[0]);
        }
    }

    [Fact]
    public void Divergence_is_an_outcome_not_a_crash()
    {
        // η = 50: every step overshoots by a factor of hundreds until the numbers overflow.
        var result = Simulation.Run(ProductModel.Model, Data, [1.0, 1.0],
            new SimulationOptions { LearningRate = 50, Trials = 20, Steps = 400, Displacement = 1e-2 });
        Assert.Equal(20, result.Diverged);
        Assert.All(result.Trials, t => Assert.True(t.StepsTaken < 400));
        Assert.Equal(0.0, result.AccumulatedFraction);
    }
}
