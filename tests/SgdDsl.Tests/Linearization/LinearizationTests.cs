using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Linearization;

/// <summary>
/// The public maps: bases of N and T, restricted Hessians, A_ξ on N and on R^d, checked against H_i = x_i x_iᵀ typed
/// in here; and the squared-residual path against the Hessian path on the same data (tolerance 1e-12: both are a few
/// O(1) dot products and one orthonormalization apart).
/// </summary>
public class LinearizationTests
{
    private static readonly double[][] Features = [[1.0, 0.5, 0.0, 0.0], [0.3, -1.0, 0.0, 0.0], [0.7, 0.2, 0.0, 0.0]];
    private static readonly Dataset Data = LinearFeaturesModel.WithFeatures(Features);
    private static readonly double[] Origin = [0, 0, 0, 0];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Bases_split_the_parameters_into_normal_and_tangent_directions(bool squaredResidual)
    {
        var lin = Stability.Linearize(new LinearFeaturesModel(4, squaredResidual), Data, Origin, new StabilityOptions { LearningRate = 0.4 });
        Assert.Equal(squaredResidual, lin.FromSquaredResidual);
        Assert.Equal(2, lin.NormalDimension);
        Assert.Equal(2, lin.TangentDimension);
        var q = lin.NormalBasis;
        var t = lin.TangentBasis();
        var all = Enumerable.Range(0, 2).Select(j => Column(q, j)).Concat(Enumerable.Range(0, 2).Select(j => Column(t, j))).ToArray();
        for (var a = 0; a < 4; a++)
            for (var b = 0; b < 4; b++)
                Assert.Equal(a == b ? 1.0 : 0.0, Dot(all[a], all[b]), 1e-12);
        // N is span{e0, e1}: the tangent basis has no component there.
        for (var j = 0; j < 2; j++)
            Assert.Equal(0.0, Math.Abs(t[0, j]) + Math.Abs(t[1, j]), 1e-12);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1, lin.SampleRank(i)));
    }

    [Fact]
    public void Map_on_R_d_is_identity_minus_eta_times_the_batch_hessian()
    {
        var eta = 0.4;
        var lin = Stability.Linearize(new LinearFeaturesModel(4, true), Data, Origin, new StabilityOptions { LearningRate = eta });
        int[] batch = [0, 2, 2];
        var x = new[] { 0.3, -0.7, 1.1, 2.0 };
        var y = new double[4];
        lin.Map(batch).Apply(x, y);
        for (var a = 0; a < 4; a++)
        {
            var hx = batch.Sum(i => Features[i][a] * Dot(Features[i], x)) / batch.Length;
            Assert.Equal(x[a] - eta * hx, y[a], 1e-12);
        }
        // On N: Qᵀ A_ξ Q.
        var q = lin.NormalBasis;
        var onN = lin.Map(batch).OnNormalSpace;
        for (var j = 0; j < 2; j++)
        {
            var qj = Column(q, j);
            var aq = new double[4];
            lin.Map(batch).Apply(qj, aq);
            for (var i = 0; i < 2; i++)
                Assert.Equal(Dot(Column(q, i), aq), onN[i, j], 1e-12);
        }
    }

    [Fact]
    public void Squared_residual_path_matches_the_hessian_path()
    {
        var options = new StabilityOptions { LearningRate = 0.9, BatchSize = 2, Steps = 4_000, Transient = 200, AlwaysEstimate = true };
        var fast = Stability.Analyze(new LinearFeaturesModel(4, true), Data, Origin, options);
        var slow = Stability.Analyze(new LinearFeaturesModel(4, false), Data, Origin, options);
        Assert.True(fast.FromSquaredResidual);
        Assert.False(slow.FromSquaredResidual);
        Assert.Equal(slow.MeanHessianSpectrumOnNormalSpace, fast.MeanHessianSpectrumOnNormalSpace, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(slow.Mu, fast.Mu, 1e-12);
        Assert.Equal(slow.LambdaBounds.Lower, fast.LambdaBounds.Lower, 1e-12);
        Assert.Equal(slow.LambdaBounds.Upper, fast.LambdaBounds.Upper, 1e-12);
        Assert.Equal(slow.Sharpness, fast.Sharpness, 1e-12);
        Assert.Equal(slow.NonUniformity, fast.NonUniformity, 1e-12);
        Assert.Equal(slow.SampleRanks, fast.SampleRanks);
        // The estimates use the same batches; only the basis of N may differ (a rotation), so they agree to far within SE.
        Assert.Equal(slow.Lambda, fast.Lambda, 1e-3 * slow.LambdaStandardError + 1e-9);
    }

    [Fact]
    public void Map_rejects_indices_outside_the_samples()
    {
        var lin = Stability.Linearize(new LinearFeaturesModel(4, true), Data, Origin);
        var e = Assert.Throws<ArgumentException>(() => lin.Map([0, 3]));
        Assert.Equal("batch", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => lin.RestrictedHessian(-1));
    }

    private static double[] Column(double[,] m, int j) => Enumerable.Range(0, m.GetLength(0)).Select(k => m[k, j]).ToArray();

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
