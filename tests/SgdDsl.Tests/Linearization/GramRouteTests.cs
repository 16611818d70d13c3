using SgdDsl.Linearizing;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Linearization;

/// <summary>
/// The Gram route (G = CᵀC, Q = C V Λ^(−1/2) held implicitly) spans the same N as the QR and SVD of C: the projector
/// QQᵀ, the coordinates of every column and the restricted curvatures agree with the dense route to 1e-10 (the Gram
/// route trusts only eigenvalues ≥ 1e-6 λ_max, so Q is orthonormal to about ε·10⁶); rank-deficient spans fall back to QR.
/// </summary>
public class GramRouteTests
{
    private static double[][] RandomColumns(int d, int m, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
    }

    private static double[] ProjectorApplied(NormalSpace n, double[] x)
    {
        var y = new double[n.Dimension];
        var z = new double[n.AmbientDimension];
        n.Project(x, y);
        n.Embed(y, z);
        return z;
    }

    [Fact]
    public void The_Gram_route_spans_the_same_space_as_QR()
    {
        const int d = 37, m = 9;
        var columns = RandomColumns(d, m, 4);
        var gram = NormalSpace.SpanByGram(d, columns, 1e-9, maxDegreeOfParallelism: 2);
        var dense = NormalSpace.Span(d, columns, 1e-9);
        Assert.True(gram.FromGram);
        Assert.Equal(m, gram.Dimension);
        Assert.Equal(dense.Dimension, gram.Dimension);
        var x = RandomColumns(d, 1, 9)[0];
        var (pg, pd) = (ProjectorApplied(gram, x), ProjectorApplied(dense, x));
        for (var k = 0; k < d; k++)
            Assert.Equal(pd[k], pg[k], 1e-10);
        // Q is orthonormal: the basis written out has QᵀQ = I.
        for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++)
                Assert.Equal(i == j ? 1.0 : 0.0, gram.Basis(i).ToArray().Zip(gram.Basis(j).ToArray()).Sum(p => p.First * p.Second), 1e-10);
    }

    [Fact]
    public void Column_coordinates_from_the_Gram_matrix_equal_the_projections_of_the_columns()
    {
        const int d = 25, m = 6;
        var columns = RandomColumns(d, m, 5);
        var gram = NormalSpace.SpanByGram(d, columns, 1e-9, maxDegreeOfParallelism: 1);
        var (fromGram, projected) = (new double[m], new double[m]);
        for (var a = 0; a < m; a++)
        {
            gram.ProjectColumn(a, fromGram);
            gram.Project(columns[a], projected);
            for (var j = 0; j < m; j++)
                Assert.Equal(projected[j], fromGram[j], 1e-10);
        }
    }

    [Fact]
    public void A_rank_deficient_span_falls_back_to_QR_and_keeps_its_rank()
    {
        const int d = 20;
        var columns = RandomColumns(d, 4, 6).ToList();
        columns.Add(columns[0].Zip(columns[1], (a, b) => a + 2 * b).ToArray());
        var n = NormalSpace.SpanByGram(d, columns, 1e-9, maxDegreeOfParallelism: 1);
        Assert.False(n.FromGram);
        Assert.Equal(4, n.Dimension);
    }

    [Fact]
    public void Analysis_through_the_Gram_route_equals_the_dense_Hessian_route()
    {
        // d = 12 features, N = 5 samples: the squared-residual path (Gram) against per-sample Hessians (eigenpairs + QR).
        var random = new Random(7);
        var features = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, 12).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        var data = LinearFeaturesModel.WithFeatures(features);
        var options = new StabilityOptions { LearningRate = 1.5, Steps = 20_000, Transient = 500, AlwaysEstimate = true, MaxSteps = 0 };
        var fast = Stability.Analyze(new LinearFeaturesModel(12, squaredResidual: true), data, new double[12], options);
        var dense = Stability.Analyze(new LinearFeaturesModel(12, squaredResidual: false), data, new double[12], options);
        Assert.Equal(5, fast.NormalDimension);
        Assert.Equal(dense.NormalDimension, fast.NormalDimension);
        for (var j = 0; j < 5; j++)
            Assert.Equal(dense.MeanHessianSpectrumOnNormalSpace[j], fast.MeanHessianSpectrumOnNormalSpace[j], 1e-10);
        Assert.Equal(dense.Mu, fast.Mu, 1e-10);
        Assert.Equal(dense.LambdaBounds.Lower, fast.LambdaBounds.Lower, 1e-10);
        Assert.Equal(dense.LambdaBounds.Upper, fast.LambdaBounds.Upper, 1e-10);
    }

    [Fact]
    public void The_Cholesky_form_spans_the_same_space_and_knows_the_extreme_eigenvalues()
    {
        // m = 130 columns (three panels of the factorization) in d = 200: G is well conditioned (κ ≈ 10²).
        const int d = 200, m = 130;
        var columns = RandomColumns(d, m, 12);
        var cholesky = NormalSpace.SpanByGram(d, columns, 1e-9, maxDegreeOfParallelism: 2, eigenDecompositionLimit: 0);
        var eigen = NormalSpace.SpanByGram(d, columns, 1e-9, maxDegreeOfParallelism: 2);
        Assert.True(cholesky.FromGram);
        Assert.True(cholesky.ColumnSpectrumIsPartial);
        Assert.False(eigen.ColumnSpectrumIsPartial);
        Assert.Equal(m, cholesky.Dimension);
        var x = RandomColumns(d, 1, 13)[0];
        var (pc, pe) = (ProjectorApplied(cholesky, x), ProjectorApplied(eigen, x));
        for (var k = 0; k < d; k++)
            Assert.Equal(pe[k], pc[k], 1e-10);
        for (var i = 0; i < m; i += 13)
            for (var j = 0; j < m; j += 7)
                Assert.Equal(i == j ? 1.0 : 0.0, cholesky.Basis(i).ToArray().Zip(cholesky.Basis(j).ToArray()).Sum(p => p.First * p.Second), 1e-10);
        var (fromGram, projected) = (new double[m], new double[m]);
        for (var a = 0; a < m; a += 17)
        {
            cholesky.ProjectColumn(a, fromGram);
            cholesky.Project(columns[a], projected);
            Assert.Equal(projected, fromGram, (p, q) => Math.Abs(p - q) <= 1e-10);
        }
        // Every value given is an eigenvalue of G (the eigen form has them all), and the two extremes are among them.
        var all = eigen.ColumnSpectrum!;
        var partial = cholesky.ColumnSpectrum!;
        var tolerance = 1e-9 * all[^1];
        Assert.All(partial, h => Assert.Contains(all, e => Math.Abs(e - h) <= tolerance));
        Assert.Equal(all[0], partial[0], tolerance);
        Assert.Equal(all[^1], partial[^1], tolerance);
        Assert.True(partial.Length < m);
    }

    [Fact]
    public void The_Cholesky_form_declines_an_ill_conditioned_span()
    {
        // One column within 1e-5 of the span of two others: λ_min/λ_max ≈ 1e-10, below the route's 1e-6.
        const int d = 120;
        var columns = RandomColumns(d, 100, 14).ToList();
        var noise = RandomColumns(d, 1, 15)[0];
        columns.Add(columns[0].Select((v, k) => v + columns[1][k] + 1e-5 * noise[k]).ToArray());
        var n = NormalSpace.SpanByGram(d, columns, 1e-9, maxDegreeOfParallelism: 2, eigenDecompositionLimit: 0);
        Assert.False(n.FromGram);
        Assert.Equal(101, n.Dimension);
    }
}
