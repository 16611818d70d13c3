using SgdDsl.Descent;
using SgdDsl.Exponents;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Descent;

public class StochasticGradientDescentTests
{
    [Fact]
    public void Sgd_with_one_sample_drawn_with_replacement_is_the_hand_written_loop_bit_for_bit()
    {
        const double eta = 0.05;
        const int steps = 300;
        var model = new ProductModel();
        var data = ProductModel.OnLine(1.0, 0.5, 0.9, 1.4, 2.0, 2.5);
        double[] start = [1.7, 0.3];
        var result = Training.Run(model, data, start, new TrainingOptions
        {
            Method = TrainingMethod.SGD, LearningRate = eta, BatchSize = 1, Sampling = BatchSampling.WithReplacement,
            Seed = 7, MaxSteps = steps, LossTarget = 0,
        });

        // The documented stream: one System.Random seeded from (Seed, the batches' stream, 0); with replacement each
        // step draws Next(N).
        var random = new Random(SeedStreams.Derive(7, TrainingStreams.Batches, 0));
        var theta = (double[])start.Clone();
        var g = new double[2];
        for (var k = 0; k < steps; k++)
        {
            model.Gradient(theta, data[random.Next(data.Count)], g);
            for (var j = 0; j < 2; j++)
                theta[j] -= eta * g[j];
        }

        Assert.Equal(TrainingStopReason.MaxSteps, result.StopReason);
        Assert.Equal(steps, result.Steps);
        Assert.Equal(Bits(theta), Bits(result.EndPoint));
    }

    [Fact]
    public void Sgd_batches_average_their_gradients_as_the_hand_written_loop_does()
    {
        // B = 3 of N = 5 without replacement: the batch is the analysis's subset sampler on the same stream.
        const double eta = 0.1;
        var model = new ProductModel();
        var data = ProductModel.OnLine(1.0, 0.5, 0.9, 1.4, 2.0, 2.5);
        double[] start = [1.7, 0.3];
        var result = Training.Run(model, data, start, new TrainingOptions
        {
            Method = TrainingMethod.SGD, LearningRate = eta, BatchSize = 3, Seed = 3, MaxSteps = 50, LossTarget = 0,
        });

        var sampler = new SubsetSampler(5, 3, new Random(SeedStreams.Derive(3, TrainingStreams.Batches, 0)));
        var batch = new int[3];
        var theta = (double[])start.Clone();
        var (sum, g) = (new double[2], new double[2]);
        for (var k = 0; k < 50; k++)
        {
            sampler.Next(batch);
            Array.Clear(sum);
            foreach (var i in batch)
            {
                model.Gradient(theta, data[i], g);
                sum[0] += g[0];
                sum[1] += g[1];
            }
            for (var j = 0; j < 2; j++)
                theta[j] -= eta / 3 * sum[j];
        }
        Assert.Equal(Bits(theta), Bits(result.EndPoint));
    }

    [Fact]
    public void Sgd_stops_at_the_loss_target_within_an_epoch_and_reports_the_exact_mean_loss()
    {
        var model = new ProductModel();
        var data = ProductModel.OnLine(1.0, 0.5, 0.9, 1.4);
        var result = Training.Run(model, data, [1.3, 0.9], new TrainingOptions
        {
            Method = TrainingMethod.SGD, LearningRate = 0.2, BatchSize = 1, Sampling = BatchSampling.Reshuffling, LossTarget = 1e-12,
        });

        Assert.Equal(TrainingStopReason.LossTarget, result.StopReason);
        var (a, b) = (result.EndPoint[0], result.EndPoint[1]);
        var exact = new[] { 0.5, 0.9, 1.4 }.Average(x => 0.5 * Math.Pow(a * b * x - x, 2));
        Assert.Equal(exact, result.EndLoss, 1e-24);
        Assert.True(result.EndLoss < 1e-12);
        Assert.Equal(result.Steps, result.History.Steps[^1]);
        Assert.Equal(result.EndLoss, result.History.Losses[^1]);
    }

    [Fact]
    public void Batch_losses_stop_sgd_about_an_epoch_after_the_mean_loss_falls_below_the_target()
    {
        // With no scheduled evaluation in reach, only the average of the last epoch's batch losses can call for one.
        var model = new ProductModel();
        var data = ProductModel.OnLine(1.0, 0.5, 0.9, 1.4, 2.0);
        var options = new TrainingOptions { Method = TrainingMethod.SGD, LearningRate = 0.1, BatchSize = 1, Seed = 2, LossTarget = 1e-12 };
        var stopped = Training.Run(model, data, [1.3, 0.9], options with { LossEvaluationInterval = int.MaxValue });

        // The same trajectory with L evaluated after every step (evaluations never change it): k* is the first step below.
        var watched = Training.Run(model, data, [1.3, 0.9], options with { LossTarget = 0, MaxSteps = stopped.Steps, LossEvaluationInterval = 1 });
        var first = Enumerable.Range(0, watched.History.Losses.Count).First(i => watched.History.Losses[i] < 1e-12);
        const int epoch = 5;
        Assert.Equal(TrainingStopReason.LossTarget, stopped.StopReason);
        Assert.InRange(stopped.Steps, watched.History.Steps[first], watched.History.Steps[first] + 3 * epoch);
        Assert.Equal(Bits(watched.EndPoint), Bits(stopped.EndPoint));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sgd_run_and_another_seed_another()
    {
        var model = new ProductModel();
        var data = ProductModel.OnLine(1.0, 0.5, 0.9, 1.4, 2.0);
        var options = new TrainingOptions { Method = TrainingMethod.SGD, LearningRate = 0.1, BatchSize = 2, MaxSteps = 100, LossTarget = 0, Seed = 5 };
        var first = Training.Run(model, data, [1.7, 0.3], options);
        var again = Training.Run(model, data, [1.7, 0.3], options);
        var other = Training.Run(model, data, [1.7, 0.3], options with { Seed = 6 });

        Assert.Equal(Bits(first.EndPoint), Bits(again.EndPoint));
        Assert.NotEqual(Bits(first.EndPoint), Bits(other.EndPoint));
    }

    [Theory]
    [InlineData(TrainingMethod.GD)]
    [InlineData(TrainingMethod.SGD)]
    public void A_step_on_one_thread_allocates_nothing(TrainingMethod method)
    {
        // 20,000 steps more must cost no more than the loss curve's two lists reaching their 512-point capacity
        // (12 bytes a point, doubled while growing: under 16 KB); a closure or buffer per step would be ≥ 640 KB.
        var model = new ProductModel();
        var data = ProductModel.OnLine(1.0, 0.5, 0.9, 1.4);
        var options = new TrainingOptions { Method = method, LearningRate = 0.01, LossTarget = 0, LossEvaluationInterval = int.MaxValue };
        long Allocated(int steps)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Training.Run(model, data, [1.3, 0.9], options with { MaxSteps = steps });
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(10);
        var extra = Allocated(20_200) - Allocated(200);
        Assert.True(extra < 16_000, $"{extra} bytes more for 20,000 more steps");
    }

    internal static long[] Bits(double[] x) => x.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
