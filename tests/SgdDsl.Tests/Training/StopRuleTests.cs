using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Descent;

public class StopRuleTests
{
    private static readonly Dataset Data = ProductModel.OnLine(1.0, 0.5, 0.9, 1.4);

    [Fact]
    public void Gd_stops_at_the_first_step_whose_loss_is_below_the_target()
    {
        var result = Training.Run(new ProductModel(), Data, [1.3, 0.9], new TrainingOptions { LearningRate = 0.2, LossTarget = 1e-8 });

        Assert.Equal(TrainingStopReason.LossTarget, result.StopReason);
        Assert.True(result.EndLoss < 1e-8);
        // The step before was not below it: the curve has every GD step.
        Assert.True(result.History.Losses[^2] >= 1e-8);
        Assert.Equal(result.Steps, result.History.Steps[^1]);
    }

    [Theory]
    [InlineData(TrainingMethod.GD)]
    [InlineData(TrainingMethod.SGD)]
    public void A_run_stops_after_max_steps(TrainingMethod method)
    {
        var result = Training.Run(new ProductModel(), Data, [1.3, 0.9],
            new TrainingOptions { Method = method, LearningRate = 0.01, MaxSteps = 17, LossTarget = 0 });

        Assert.Equal(TrainingStopReason.MaxSteps, result.StopReason);
        Assert.Equal(17, result.Steps);
        Assert.Equal(17, result.History.Steps[^1]);
        Assert.Equal(0, result.History.Steps[0]);
    }

    [Fact]
    public void Zero_max_steps_returns_the_start_with_its_loss()
    {
        var result = Training.Run(new ProductModel(), Data, [1.3, 0.9], new TrainingOptions { MaxSteps = 0, LossTarget = 0 });
        Assert.Equal([1.3, 0.9], result.EndPoint);
        Assert.Equal(0, result.Steps);
        Assert.Equal(result.StartLoss, result.EndLoss);
        Assert.Equal(0.0, result.DistanceTravelled);
    }

    [Theory]
    [InlineData(TrainingMethod.GD)]
    [InlineData(TrainingMethod.SGD)]
    public void A_loss_growing_past_the_divergence_factor_is_divergence(TrainingMethod method)
    {
        // Near ab = 1 the normal curvature is x²(a² + b²) ≈ 2 x²; η = 3 makes |1 − η h| > 1 for every sample.
        var result = Training.Run(new ProductModel(), Data, [1.3, 0.9],
            new TrainingOptions { Method = method, LearningRate = 3.0, LossEvaluationInterval = 1 });

        Assert.Equal(TrainingStopReason.Diverged, result.StopReason);
        Assert.All(result.EndPoint, x => Assert.True(double.IsFinite(x)));
        Assert.InRange(result.Steps, 1, 200);
    }

    [Fact]
    public void A_step_that_overflows_is_divergence_and_the_last_finite_point_is_returned()
    {
        // At (30, 30) the gradient sum is about 8e4, so (η/N)·Σ∇ℓ_i overflows in the first step.
        var result = Training.Run(new ProductModel(), Data, [30.0, 30.0], new TrainingOptions { LearningRate = 1e308 });

        Assert.Equal(TrainingStopReason.Diverged, result.StopReason);
        Assert.Equal(0, result.Steps);
        Assert.Equal([30.0, 30.0], result.EndPoint);
        Assert.True(double.IsFinite(result.EndLoss));
    }

    [Fact]
    public void A_lower_divergence_factor_stops_a_growing_loss_sooner()
    {
        var options = new TrainingOptions { LearningRate = 3.0 };
        var strict = Training.Run(new ProductModel(), Data, [1.3, 0.9], options with { DivergenceFactor = 10 });
        var lenient = Training.Run(new ProductModel(), Data, [1.3, 0.9], options);

        Assert.Equal(TrainingStopReason.Diverged, strict.StopReason);
        Assert.True(strict.EndLoss > 10 * strict.StartLoss);
        Assert.True(strict.History.Losses.Take(strict.History.Losses.Count - 1).All(l => l <= 10 * strict.StartLoss));
        Assert.True(strict.Steps < lenient.Steps);
    }

    [Theory]
    [InlineData(TrainingMethod.GD)]
    [InlineData(TrainingMethod.SGD)]
    public void A_token_cancelled_before_the_start_returns_the_start_point_with_its_loss(TrainingMethod method)
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = Training.Run(new ProductModel(), Data, [1.3, 0.9], new TrainingOptions { Method = method }, cancel.Token);

        Assert.Equal(TrainingStopReason.Cancelled, result.StopReason);
        Assert.Equal(0, result.Steps);
        Assert.Equal([1.3, 0.9], result.EndPoint);
        Assert.Equal(new[] { 0.5, 0.9, 1.4 }.Average(x => 0.5 * Math.Pow(1.3 * 0.9 * x - x, 2)), result.EndLoss, 1e-15);
        Assert.True(double.IsFinite(result.EndGradientNorm));
    }

    [Theory]
    [InlineData(TrainingMethod.GD)]
    [InlineData(TrainingMethod.SGD)]
    public void Cancelling_mid_run_returns_the_point_reached_as_a_run_of_that_many_steps_would(TrainingMethod method)
    {
        // Ctrl-C after step 5 is seen: the run ends at θ_5, bitwise the end of a run limited to 5 steps.
        var options = new TrainingOptions { Method = method, LearningRate = 0.05, LossTarget = 0, LossEvaluationInterval = 1 };
        using var cancel = new CancellationTokenSource();
        var progress = new Callback(p =>
        {
            if (p.Step == 5) cancel.Cancel();
        });
        var cancelled = Training.Run(new ProductModel(), Data, [1.3, 0.9], options, cancel.Token, progress);
        var limited = Training.Run(new ProductModel(), Data, [1.3, 0.9], options with { MaxSteps = 5 });

        Assert.Equal(TrainingStopReason.Cancelled, cancelled.StopReason);
        Assert.Equal(5, cancelled.Steps);
        Assert.Equal(StochasticGradientDescentTests.Bits(limited.EndPoint), StochasticGradientDescentTests.Bits(cancelled.EndPoint));
        Assert.Equal(limited.EndLoss, cancelled.EndLoss);
        Assert.Equal(5, cancelled.History.Steps[^1]);
    }

    [Fact]
    public void A_cancelled_run_is_not_polished()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var found = Training.RunAndPolish(new ProductModel(), Data, [1.3, 0.9], new TrainingOptions(), cancellationToken: cancel.Token);
        Assert.False(found.Polished);
        Assert.Equal([1.3, 0.9], found.Point);
        Assert.Equal(0.0, found.Moved);
    }

    [Fact]
    public void Options_out_of_range_are_refused_naming_the_property()
    {
        void Refused(TrainingOptions options, string property)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Training.Run(new ProductModel(), Data, [1.3, 0.9], options));
            Assert.Contains($"options.{property}", e.Message);
        }

        Refused(new TrainingOptions { LearningRate = 0 }, "LearningRate");
        Refused(new TrainingOptions { Method = TrainingMethod.SGD, BatchSize = 4 }, "BatchSize");
        Refused(new TrainingOptions { MaxSteps = -1 }, "MaxSteps");
        Refused(new TrainingOptions { LossTarget = double.NaN }, "LossTarget");
        Refused(new TrainingOptions { DivergenceFactor = 1 }, "DivergenceFactor");
        Refused(new TrainingOptions { LossEvaluationInterval = 0 }, "LossEvaluationInterval");
        Refused(new TrainingOptions { MaxDegreeOfParallelism = 0 }, "MaxDegreeOfParallelism");
        Assert.Throws<ArgumentException>(() => Training.Run(new ProductModel(), Data, [1.3, double.NaN], new TrainingOptions()));
    }

    private sealed class Callback(Action<TrainingProgress> action) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => action(value);
    }
}
