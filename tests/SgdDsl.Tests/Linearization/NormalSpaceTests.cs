using SgdDsl.Linearizing;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Linearization;

/// <summary>
/// N = span of the ranges of the H_i, T = N⊥. Tolerance 1e-12 on basis vectors and curvatures: they come from
/// 2×2 eigen-decompositions and SVDs, backward stable to a few ulps of the O(1) entries.
/// </summary>
public class NormalSpaceTests
{
    private const double Tol = 1e-12;

    private static MinimumLinearization Linearize(ILossModel model, Dataset data, double[] point) =>
        MinimumLinearization.At(model, data, point, relTol: 1e-9, maxDegreeOfParallelism: -1);

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    [InlineData(4.0)]
    public void Product_model_normal_is_spanned_by_b_a(double a)
    {
        const double c = 2.0;
        double[] x = [0.6, 1.1, 1.7];
        var b = c / a;
        var lin = Linearize(new ProductModel(), ProductModel.OnLine(c, x), [a, b]);

        Assert.Equal(1, lin.Normal.Dimension);
        var q = lin.Normal.Basis(0).ToArray();
        var norm = Math.Sqrt(a * a + b * b);
        // Parallel to (b, a)/‖(b, a)‖ up to sign.
        Assert.Equal(1.0, Math.Abs(q[0] * b / norm + q[1] * a / norm), Tol);
        for (var i = 0; i < x.Length; i++)
            Assert.Equal(x[i] * x[i] * (a * a + b * b), lin.Hessians.Scalar(i), Tol * 10);
    }

    [Fact]
    public void Report_counts_normal_and_tangent_dimensions()
    {
        var report = Stability.Analyze(new ProductModel(), ProductModel.OnLine(1.0, 0.5, 1.0), [2.0, 0.5], new StabilityOptions());
        Assert.Equal(1, report.NormalDimension);
        Assert.Equal(1, report.TangentDimension);
    }

    [Fact]
    public void Single_sample_in_two_dimensions_leaves_a_tangent_line()
    {
        var lin = Linearize(new TwoFeatureLinearModel(), TwoFeatureLinearModel.WithFeatures((3.0, 4.0)), [0.0, 0.0]);
        Assert.Equal(1, lin.Normal.Dimension);
        var q = lin.Normal.Basis(0);
        Assert.Equal(1.0, Math.Abs(0.6 * q[0] + 0.8 * q[1]), Tol);
        Assert.Equal(25.0, lin.Hessians.Scalar(0), Tol * 25);
    }

    [Fact]
    public void Parallel_features_span_one_direction()
    {
        // More directions (3) than dimensions (2): the QR-reduced SVD path.
        var lin = Linearize(new TwoFeatureLinearModel(), TwoFeatureLinearModel.WithFeatures((1.0, 2.0), (-2.0, -4.0), (0.5, 1.0)), [0.0, 0.0]);
        Assert.Equal(1, lin.Normal.Dimension);
    }

    [Fact]
    public void Nearly_parallel_features_still_span_two_directions()
    {
        // Angle 1e-6 ≫ relTol = 1e-9: the SVD of the unit eigenvectors resolves it, where the mean Hessian
        // (curvature ~ angle² = 1e-12 relative) would not.
        var angle = 1e-6;
        var lin = Linearize(new TwoFeatureLinearModel(), TwoFeatureLinearModel.WithFeatures((1.0, 0.0), (Math.Cos(angle), Math.Sin(angle))), [0.0, 0.0]);
        Assert.Equal(2, lin.Normal.Dimension);
    }

    [Fact]
    public void Restricted_hessians_are_q_transpose_h_q()
    {
        (double, double)[] g = [(1.0, 0.5), (-0.3, 2.0), (0.7, 0.7)];
        var lin = Linearize(new TwoFeatureLinearModel(), TwoFeatureLinearModel.WithFeatures(g), [0.0, 0.0]);
        Assert.Equal(2, lin.Normal.Dimension);
        var q0 = lin.Normal.Basis(0).ToArray();
        var q1 = lin.Normal.Basis(1).ToArray();
        for (var i = 0; i < g.Length; i++)
        {
            // (Qᵀ g)(Qᵀ g)ᵀ for H_i = g gᵀ.
            var w = new[] { q0[0] * g[i].Item1 + q0[1] * g[i].Item2, q1[0] * g[i].Item1 + q1[1] * g[i].Item2 };
            var k = lin.Hessians.Dense(i);
            for (var a = 0; a < 2; a++)
            for (var b = 0; b < 2; b++)
                Assert.Equal(w[a] * w[b], k[a * 2 + b], Tol * 10);
        }
    }

    [Fact]
    public void Vanishing_curvature_gives_r_zero_with_stable_verdicts_and_a_note()
    {
        // x = 0: every ℓ_i is identically 0, so H_i = 0.
        var data = Dataset.FromRows([[0.0, 0.0], [0.0, 0.0]]);
        var report = Stability.Analyze(new ScalarLinearModel(), data, [1.5], new StabilityOptions());
        Assert.Equal(0, report.NormalDimension);
        Assert.Equal(1, report.TangentDimension);
        Assert.Empty(report.MeanHessianSpectrumOnNormalSpace);
        Assert.Equal(double.NegativeInfinity, report.Mu);
        Assert.Equal(double.NegativeInfinity, report.Lambda);
        Assert.Equal(Verdict.Stable, report.GdVerdict);
        Assert.Equal(Verdict.Stable, report.SgdVerdict);
        Assert.Contains(report.Notes, n => n.StartsWith("r = 0", StringComparison.Ordinal));
    }
}
