using SgdDsl.Numerics;

namespace SgdDsl.Tests.Numerics;

/// <summary>
/// The panelled Cholesky factor against its definition: L is lower triangular with a positive diagonal and L Lᵀ
/// reproduces A to round-off (backward error ≤ m·ε·‖A‖ with a margin), for sizes below, at and across panel and tile
/// edges; the same bits for one and two threads; an indefinite matrix is refused.
/// </summary>
public class CholeskyTests
{
    private static double[] RandomSpd(int m, int seed)
    {
        var random = new Random(seed);
        var b = Enumerable.Range(0, m * (m + 3)).Select(_ => random.NextDouble() - 0.5).ToArray();
        var a = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var s = 0.0;
                for (var k = 0; k < m + 3; k++)
                    s += b[i * (m + 3) + k] * b[j * (m + 3) + k];
                a[i * m + j] = s;
            }
        }
        return a;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(131)]
    [InlineData(200)]
    public void The_factor_reproduces_the_matrix(int m)
    {
        var a = RandomSpd(m, m);
        var factor = (double[])a.Clone();
        Assert.True(Cholesky.Factor(factor, m, maxDegreeOfParallelism: 2));
        var largest = a.Max(Math.Abs);
        for (var i = 0; i < m; i++)
        {
            Assert.True(factor[i * m + i] > 0);
            for (var j = 0; j <= i; j++)
            {
                var s = 0.0;
                for (var k = 0; k <= j; k++)
                    s += factor[i * m + k] * factor[j * m + k];
                Assert.True(Math.Abs(s - a[i * m + j]) <= 10 * m * 1.1e-16 * largest, $"({i}, {j}): {s} against {a[i * m + j]}");
            }
        }
    }

    [Fact]
    public void The_factor_does_not_depend_on_the_thread_count()
    {
        const int m = 300;
        var a = RandomSpd(m, 7);
        var one = (double[])a.Clone();
        var two = (double[])a.Clone();
        Assert.True(Cholesky.Factor(one, m, 1));
        Assert.True(Cholesky.Factor(two, m, 2));
        Assert.Equal(one, two);
    }

    [Fact]
    public void Solve_inverts_the_matrix()
    {
        const int m = 150;
        var a = RandomSpd(m, 3);
        var factor = (double[])a.Clone();
        Assert.True(Cholesky.Factor(factor, m));
        var x = Enumerable.Range(0, m).Select(i => Math.Sin(i + 1.0)).ToArray();
        var b = new double[m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
                b[i] += a[i * m + j] * x[j];
        }
        Cholesky.Solve(factor, m, b);
        // A is a Wishart matrix with m + 3 degrees of freedom: condition number of order m², so 1e-8 is a wide margin.
        Assert.All(Enumerable.Range(0, m), i => Assert.Equal(x[i], b[i], 1e-8));
    }

    [Fact]
    public void An_indefinite_matrix_is_refused()
    {
        const int m = 100;
        var a = RandomSpd(m, 11);
        a[70 * m + 70] = -1.0;
        Assert.False(Cholesky.Factor(a, m, 2));
    }
}
