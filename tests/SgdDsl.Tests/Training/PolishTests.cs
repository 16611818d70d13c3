using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Descent;

public class PolishTests
{
    [Fact]
    public void A_trained_tanh_network_is_polished_onto_the_manifold_by_a_small_move()
    {
        // SmallTanhNet (d = 30) on N = 12 teacher samples: overparameterized, so GD from a LeCun start reaches zero loss.
        var model = SmallTanhNet.Model;
        var (data, _, _) = TeacherStudent.Build(model, 4, 12, seed: 5);
        var start = Initialization.Normal(model, seed: 1);
        var found = Training.RunAndPolish(model, data, start, new TrainingOptions { LearningRate = 0.5, LossTarget = 1e-10 });

        Assert.Equal(TrainingStopReason.LossTarget, found.Training.StopReason);
        Assert.True(found.Polished);
        Assert.True(found.Loss <= 1e-24, $"L = {found.Loss}");
        var moved = Math.Sqrt(found.Point.Zip(found.Training.EndPoint, (p, e) => (p - e) * (p - e)).Sum());
        Assert.Equal(moved, found.Moved, 1e-15);
        var travelled = Math.Sqrt(found.Training.EndPoint.Zip(start, (p, s) => (p - s) * (p - s)).Sum());
        Assert.Equal(travelled, found.Training.DistanceTravelled, 1e-12);
        // L < 1e-10 means residuals of order 1e-5: the polish moves about that far, far below the distance travelled.
        Assert.True(found.Moved < 1e-3 * travelled, $"moved {found.Moved}, travelled {travelled}");
        Assert.False(found.MoveIsLarge);
    }

    [Fact]
    public void A_polish_that_moves_more_than_a_tenth_of_the_distance_travelled_is_flagged()
    {
        // One tiny GD step from (1.3, 0.9) travels about 1e-4; the hyperbola ab = 1 is about 0.1 away.
        var (model, data) = (new ProductModel(squaredResidual: true), ProductModel.OnLine(1.0, 0.5, 0.9, 1.4));
        var found = Training.RunAndPolish(model, data, [1.3, 0.9], new TrainingOptions { LearningRate = 1e-3, MaxSteps = 1 });

        Assert.Equal(TrainingStopReason.MaxSteps, found.Training.StopReason);
        Assert.True(found.Polished);
        Assert.True(found.Moved > TrainedMinimum.LargeMoveFraction * found.Training.DistanceTravelled);
        Assert.True(found.MoveIsLarge);
        Assert.Equal(found.Polish!.Point, found.Point);
    }

    [Fact]
    public void A_diverged_run_is_not_polished()
    {
        var found = Training.RunAndPolish(new ProductModel(), ProductModel.OnLine(1.0, 0.5, 0.9, 1.4), [1.3, 0.9], new TrainingOptions { LearningRate = 3 });
        Assert.Equal(TrainingStopReason.Diverged, found.Training.StopReason);
        Assert.False(found.Polished);
        Assert.False(found.MoveIsLarge);
        Assert.Equal(found.Training.EndPoint, found.Point);
    }
}
