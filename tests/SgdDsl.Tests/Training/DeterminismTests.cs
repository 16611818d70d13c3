using SgdDsl.Descent;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Descent;

/// <summary>
/// MediumTanhNet (d = 270) on N = 300 teacher samples: a GD step's work N·d = 81,000 and an SGD step's B·d = 69,120
/// (B = 256) are above <see cref="BatchGradient.ParallelWork"/>, so both are spread over threads in 5 and 4 chunks.
/// </summary>
public class DeterminismTests
{
    private static readonly (Dataset Data, double[] Teacher, double[] Start) Problem = TeacherStudent.Build(MediumTanhNet.Model, 8, 300, seed: 11);

    [Theory]
    [InlineData(TrainingMethod.GD, 300)]
    [InlineData(TrainingMethod.SGD, 256)]
    public void A_run_is_bitwise_the_same_for_every_thread_count(TrainingMethod method, int batch)
    {
        Assert.True((long)batch * MediumTanhNet.Model.ParameterCount >= BatchGradient.ParallelWork);
        var start = Initialization.Normal(MediumTanhNet.Model, seed: 2);
        TrainingResult Run(int threads) => Training.Run(MediumTanhNet.Model, Problem.Data, start, new TrainingOptions
        {
            Method = method, LearningRate = 0.2, BatchSize = batch, MaxSteps = 12, LossTarget = 0, LossEvaluationInterval = 3,
            MaxDegreeOfParallelism = threads,
        });

        var one = Run(1);
        foreach (var threads in new[] { 2, 3, -1 })
        {
            var many = Run(threads);
            Assert.Equal(StochasticGradientDescentTests.Bits(one.EndPoint), StochasticGradientDescentTests.Bits(many.EndPoint));
            Assert.Equal(one.History.Losses.Select(BitConverter.DoubleToInt64Bits), many.History.Losses.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.EndGradientNorm), BitConverter.DoubleToInt64Bits(many.EndGradientNorm));
        }
        Assert.True(one.EndLoss < one.StartLoss);
    }

    [Fact]
    public void A_small_sgd_batch_at_large_d_is_spread_over_threads_and_still_bitwise_the_same()
    {
        // WideTanhNet, d = 20,000: a chunk needs only ⌈2^15/d⌉ = 2 samples, so B = 8 is 4 chunks on several threads.
        var model = WideTanhNet.Model;
        Assert.Equal(2, BatchGradient.ChunkSize(8, model.ParameterCount));
        var (data, _, _) = TeacherStudent.Build(model, 199, 16, seed: 4);
        var start = Initialization.Normal(model, seed: 3);
        TrainingResult Run(int threads) => Training.Run(model, data, start, new TrainingOptions
        {
            Method = TrainingMethod.SGD, LearningRate = 0.1, BatchSize = 8, MaxSteps = 4, LossTarget = 0, MaxDegreeOfParallelism = threads,
        });
        var (one, two) = (Run(1), Run(2));
        Assert.Equal(StochasticGradientDescentTests.Bits(one.EndPoint), StochasticGradientDescentTests.Bits(two.EndPoint));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.EndLoss), BitConverter.DoubleToInt64Bits(two.EndLoss));
    }

    [Fact]
    public void Gd_in_chunks_agrees_with_the_mean_gradient_of_the_analysis()
    {
        // One GD step from the teacher-student start against L's gradient computed by the analysis's MeanLoss.
        var model = MediumTanhNet.Model;
        var start = Problem.Start;
        var result = Training.Run(model, Problem.Data, start, new TrainingOptions { LearningRate = 0.2, MaxSteps = 1, LossTarget = 0 });
        var gradient = new double[model.ParameterCount];
        new SgdDsl.Analysis.MeanLoss(model, Problem.Data).Gradient(start, gradient);
        for (var k = 0; k < gradient.Length; k++)
            Assert.Equal(start[k] - 0.2 * gradient[k], result.EndPoint[k], 1e-14);
    }
}
