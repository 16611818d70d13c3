using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Descent;

public class GradientDescentTests
{
    // Linear regression ℓ = ½(θ·x − y)² in d = 3 on N = 4 samples: ∇L(θ) = Aθ − b, A = (1/N) Σ x xᵀ, b = (1/N) Σ y x.
    private static readonly double[][] Rows =
    [
        [1.0, 0.5, -0.2, 0.7],
        [0.3, -1.1, 0.4, -0.9],
        [-0.6, 0.2, 1.3, 1.6],
        [0.9, 0.8, 0.1, 0.2],
    ];

    [Fact]
    public void Gd_on_linear_regression_follows_the_closed_form_iteration()
    {
        const double eta = 0.3;
        const int steps = 200;
        var model = new LinearFeaturesModel(3, squaredResidual: false);
        var result = Training.Run(model, Dataset.FromRows(Rows), [0.5, -0.5, 2.0],
            new TrainingOptions { Method = TrainingMethod.GD, LearningRate = eta, MaxSteps = steps, LossTarget = 0 });

        // The same iteration written through A and b: a different order of operations, so agreement is to round-off.
        // The iteration contracts (η λ_max(A) < 2), so the rounding of each step does not grow: 1e-12 is 10^4 ulps.
        var (a, b) = Normal(Rows, 3);
        var x = new[] { 0.5, -0.5, 2.0 };
        for (var k = 0; k < steps; k++)
        {
            var g = new double[3];
            for (var i = 0; i < 3; i++)
                g[i] = Enumerable.Range(0, 3).Sum(j => a[i, j] * x[j]) - b[i];
            for (var i = 0; i < 3; i++)
                x[i] -= eta * g[i];
        }

        Assert.Equal(TrainingStopReason.MaxSteps, result.StopReason);
        Assert.Equal(steps, result.Steps);
        for (var i = 0; i < 3; i++)
            Assert.True(Math.Abs(result.EndPoint[i] - x[i]) <= 1e-12, $"θ[{i}] = {result.EndPoint[i]} but the closed form gives {x[i]}");
        Assert.Equal(MeanLoss(Rows, x), result.EndLoss, 1e-12);
    }

    [Fact]
    public void Every_point_of_the_gd_loss_curve_is_the_mean_loss_there()
    {
        var model = new LinearFeaturesModel(3, squaredResidual: false);
        var data = Dataset.FromRows(Rows);
        double[] start = [0.5, -0.5, 2.0];
        var result = Training.Run(model, data, start, new TrainingOptions { LearningRate = 0.3, MaxSteps = 40, LossTarget = 0 });

        Assert.Equal(Enumerable.Range(0, 41), result.History.Steps);
        Assert.Equal(MeanLoss(Rows, start), result.History.Losses[0], 1e-15);
        Assert.Equal(result.StartLoss, result.History.Losses[0]);
        Assert.Equal(result.EndLoss, result.History.Losses[^1]);
        // Each loss is L(θ_k) of a run stopped at k: prefixes of a run are runs.
        var k = 17;
        var prefix = Training.Run(model, data, start, new TrainingOptions { LearningRate = 0.3, MaxSteps = k, LossTarget = 0 });
        Assert.Equal(prefix.EndLoss, result.History.Losses[k]);
    }

    [Fact]
    public void A_long_run_keeps_a_thinned_evenly_spaced_curve_with_its_first_and_last_point()
    {
        var model = new LinearFeaturesModel(3, squaredResidual: false);
        var result = Training.Run(model, Dataset.FromRows(Rows), [0.5, -0.5, 2.0],
            new TrainingOptions { LearningRate = 0.01, MaxSteps = 5000, LossTarget = 0 });

        var steps = result.History.Steps;
        Assert.InRange(steps.Count, LossCurve.Capacity / 2, LossCurve.Capacity + 1);
        Assert.Equal(0, steps[0]);
        Assert.Equal(5000, steps[^1]);
        var spacing = steps[1] - steps[0];
        for (var i = 1; i < steps.Count - 1; i++)
            Assert.Equal(spacing, steps[i] - steps[i - 1]);
        Assert.Equal(result.History.Steps.Count, result.History.Losses.Count);
    }

    [Fact]
    public void Gd_on_the_product_model_converges_below_two_over_the_sharpness_and_stays_at_that_minimum()
    {
        // ℓ = ½(abx − y)², y = x, x ∈ {1, 2}: minima ab = 1 with sharpness h = (a² + b²)·mean x² = 2.5 (a² + b²).
        // Near (2.05, 0.5), h ≈ 11.1, so η = 0.15 < 2/h ≈ 0.18: GD converges nearby, to a minimum with h < 2/η.
        var (model, data) = (new ProductModel(squaredResidual: true), ProductModel.OnLine(1.0, 1.0, 2.0));
        var found = Training.RunAndPolish(model, data, [2.05, 0.5], new TrainingOptions { LearningRate = 0.15 });

        Assert.Equal(TrainingStopReason.LossTarget, found.Training.StopReason);
        var report = Stability.Analyze(model, data, found.Point, new StabilityOptions { LearningRate = 0.15, BatchSize = 2 });
        Assert.True(report.Sharpness < 2 / 0.15, $"sharpness {report.Sharpness} ≥ 2/η");
        Assert.True(report.Mu < 0);
        Assert.True(found.Point[0] > 1.9, $"a = {found.Point[0]}: GD left the minimum it started next to");
    }

    [Fact]
    public void Gd_above_two_over_the_local_sharpness_leaves_for_a_flatter_minimum_it_can_hold()
    {
        // η = 0.3 > 2/h ≈ 0.18 near (2.05, 0.5), but below 2/h_min = 2/5 = 0.4 at a = b = 1: GD cannot settle where it
        // starts and ends at a minimum with h ≤ 2/η (μ ≤ 0), as the theorem says of every point GD converges to.
        var (model, data) = (new ProductModel(squaredResidual: true), ProductModel.OnLine(1.0, 1.0, 2.0));
        var found = Training.RunAndPolish(model, data, [2.05, 0.5], new TrainingOptions { LearningRate = 0.3 });

        Assert.Equal(TrainingStopReason.LossTarget, found.Training.StopReason);
        var report = Stability.Analyze(model, data, found.Point, new StabilityOptions { LearningRate = 0.3, BatchSize = 2 });
        Assert.True(report.Sharpness <= 2 / 0.3, $"sharpness {report.Sharpness} > 2/η");
        Assert.True(found.Point[0] < 1.5, $"a = {found.Point[0]}: GD stayed at the sharp minimum");
    }

    [Fact]
    public void Gd_above_two_over_the_flattest_sharpness_diverges()
    {
        // η = 0.5 > 2/h_min = 0.4: every minimum has μ > 0, so GD cannot converge anywhere; the loss grows geometrically.
        var (model, data) = (new ProductModel(), ProductModel.OnLine(1.0, 1.0, 2.0));
        var result = Training.Run(model, data, [2.05, 0.5], new TrainingOptions { LearningRate = 0.5 });

        Assert.Equal(TrainingStopReason.Diverged, result.StopReason);
        Assert.True(result.EndLoss > 1e6 * result.StartLoss);
        Assert.InRange(result.Steps, 1, 100);
        Assert.All(result.EndPoint, x => Assert.True(double.IsFinite(x)));
    }

    internal static (double[,] A, double[] B) Normal(double[][] rows, int d)
    {
        var (a, b) = (new double[d, d], new double[d]);
        foreach (var row in rows)
        {
            for (var i = 0; i < d; i++)
            {
                b[i] += row[d] * row[i] / rows.Length;
                for (var j = 0; j < d; j++)
                    a[i, j] += row[i] * row[j] / rows.Length;
            }
        }
        return (a, b);
    }

    internal static double MeanLoss(double[][] rows, double[] theta) =>
        rows.Average(row => 0.5 * Math.Pow(Enumerable.Range(0, theta.Length).Sum(j => theta[j] * row[j]) - row[^1], 2));
}
