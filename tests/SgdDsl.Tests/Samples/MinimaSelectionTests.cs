using MinimaSelection;

namespace SgdDsl.Tests.Samples;

/// <summary>
/// The selection sample's smallest case (20 digits, one GD and one SGD run), in-process: the theorem's inequalities hold
/// on what it finds, and the numbers its table reports agree with independent computations.
/// </summary>
public class MinimaSelectionTests
{
    private static readonly Lazy<SelectionResult> Smallest = new(() =>
        SelectionExperiment.Run(SelectionSettings.Smallest, Digits.Load(Digits.DefaultPath)));

    [Fact]
    public void The_shipped_digits_are_the_1797_images_of_ten_balanced_classes_scaled_to_the_unit_interval()
    {
        var images = Digits.Load(Digits.DefaultPath);
        Assert.Equal(1797, images.Count);
        Assert.All(images, i => Assert.All(i.Pixels, p => Assert.InRange(p, 0.0, 1.0)));
        Assert.All(Enumerable.Range(0, 10), c => Assert.InRange(images.Count(i => i.Label == c), 170, 190));
        var subset = Digits.Balanced(images, [3, 8], 10);
        Assert.Equal([3, 8, 3, 8], subset.Take(4).Select(i => i.Label));
        Assert.Equal(10, subset.Count(i => i.Label == 8));
    }

    [Fact]
    public void A_minimum_gd_found_has_mu_at_most_the_polishs_share()
    {
        var gd = Assert.Single(Smallest.Value.GdMinima);
        Assert.True(gd.Trained.Polished);
        Assert.True(gd.Report.Loss <= 1e-20, $"L = {gd.Report.Loss}");
        // μ = log ρ(I − ηH) ≤ 0 where GD converged, up to where training stopped and what the polish changed
        // (FoundMinimum.MuTolerance); the tolerance itself is small: GD stopped at or just below its edge.
        Assert.True(gd.MuWithinPolish, $"μ = {gd.Report.Mu}, tolerance {gd.MuTolerance}");
        Assert.True(gd.LearningRate * gd.EndSharpness <= 2.01, $"η·a_end = {gd.LearningRate * gd.EndSharpness}");
        Assert.True(gd.MuTolerance < 0.05, $"tolerance {gd.MuTolerance}");
    }

    [Fact]
    public void A_minimum_sgd_found_has_lambda_at_most_three_standard_errors()
    {
        var sgd = Assert.Single(Smallest.Value.SgdMinima);
        Assert.True(sgd.Trained.Polished);
        Assert.True(sgd.LambdaNotPositive, $"λ = {sgd.Report.Lambda} ± {sgd.Report.LambdaStandardError}");
    }

    [Fact]
    public void The_reported_sharpness_is_the_top_eigenvalue_of_the_gauss_newton_matrix_at_the_minimum()
    {
        // The analysis's eigen-decomposition on N against power iteration on the N×N Gram matrix (1/N)·J Jᵀ of the
        // polished point, where H = (1/N) JᵀJ exactly: two computations agreeing to the power iteration's 1e-13 stop.
        var data = SelectionExperiment.TwoClassData(SelectionSettings.Smallest, Digits.Load(Digits.DefaultPath));
        foreach (var m in Smallest.Value.Runs)
        {
            var independent = GaussNewtonSharpness.At(DigitsNet.Model, data, m.Report.Minimum);
            Assert.Equal(independent, m.Report.Sharpness, 1e-8 * independent);
        }
    }

    [Fact]
    public void Under_the_full_batch_sgd_is_gd_so_lambda_equals_mu()
    {
        var full = Smallest.Value.BatchSweep[0];
        Assert.Equal(full.TrainingBatch, full.AnalysedBatch);
        Assert.Equal(full.Report.Mu, full.Report.Lambda, 1e-12);
        Assert.All(Smallest.Value.BatchSweep.Skip(1), m => Assert.True(m.AnalysedBatch < m.TrainingBatch));
    }
}
