using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Linearization;

/// <summary>
/// The fused batch step (four factors per pass, vector lanes and a scalar tail) against y − (η/B) Σ K_i y with the
/// dense restricted Hessians, for batch sizes that leave every remainder of four factors and an r that is not a
/// multiple of the vector width. 1e-12 relative: the same sums in another order.
/// </summary>
public class BatchStepTests
{
    [Theory]
    [InlineData(1, new[] { 4 })]
    [InlineData(1, new[] { 0, 3, 3, 7, 9 })]
    [InlineData(2, new[] { 1, 2, 5 })]
    [InlineData(2, new[] { 8, 6 })]
    [InlineData(3, new[] { 0, 1, 2, 3, 4, 5, 6 })]
    public void Map_on_the_normal_space_is_the_dense_product(int outputs, int[] batch)
    {
        const int d = 13, n = 20;
        const double eta = 0.3;
        var random = new Random(outputs * 31 + batch.Length);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d * outputs).Select(_ => 2 * random.NextDouble() - 1).ToArray()).ToArray();
        var lin = Stability.Linearize(new MultiOutputLinearModel(d, outputs, squaredResidual: true), MultiOutputLinearModel.WithFeatures(outputs, rows),
            new double[d], new StabilityOptions { LearningRate = eta });
        var r = lin.NormalDimension;
        Assert.Equal(d, r);
        var y = Enumerable.Range(0, r).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        var expected = (double[])y.Clone();
        foreach (var i in batch)
        {
            var k = lin.RestrictedHessian(i);
            for (var a = 0; a < r; a++)
            {
                var sum = 0.0;
                for (var b = 0; b < r; b++)
                    sum += k[a, b] * y[b];
                expected[a] -= eta / batch.Length * sum;
            }
        }
        var actual = new double[r];
        lin.Map(batch).ApplyOnNormalSpace(y, actual);
        var scale = expected.Max(Math.Abs);
        for (var a = 0; a < r; a++)
            Assert.Equal(expected[a], actual[a], 1e-12 * scale);
    }
}
