using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// Derivatives of Π (exclusive products: prefix and suffix products, factors skipped, never divided by) at points where
/// some factors are exactly zero, where a quotient Π/f_k would be 0/0: the Gradient, Hessian and Hessian–vector product
/// agree with central differences of the model's Value and Gradient.
/// </summary>
public class ProductDerivativeTests
{
    private const string RowProducts = """
        const int D = 3;
        [Loss]
        static double Loss([Param(D, D)] double[,] W) => Sq(Sum(D, i => Prod(D, j => W[i, j])));
        """;

    private const string ShiftedProducts = """
        const int D = 3;
        [Loss]
        static double Loss([Param(D, D)] double[,] W, [Data(D)] double[] x, double y)
            => 0.5 * Sq(Sum(D, i => Prod(D, j => 1 + W[i, j] * x[j])) - y);
        """;

    private const string Chain = """
        const int L = 5;
        [Loss]
        static double Loss([Param(L)] double[] w, double x, double y) => 0.5 * Sq(Prod(L, k => w[k]) * x - y);
        """;

    // H·v of a chain goes through tangent prefix and suffix scans (O(L)); here with a data-dependent factor.
    private const string ShiftedChain = """
        const int L = 4;
        [Loss]
        static double Loss([Param(L)] double[] w, [Data(L)] double[] z, double y) => 0.5 * Sq(Prod(L, k => 1 + w[k] * z[k]) - y);
        """;

    /// <summary>Models with points where one factor of a product is zero, or two (then even Π_{k ≠ p} vanishes for every p).</summary>
    public static TheoryData<string, double[], double[]> Points => new()
    {
        // Row 0 has one zero factor, row 1 two, row 2 none.
        { RowProducts, [0.7, 0, -1.2, 0, 0.9, 0, 1.1, -0.8, 0.6], [] },
        // 1 + W[i, j]·x[j] = 0 for W[0, 1] = −1/x[1] and for W[2, 0], W[2, 2].
        { ShiftedProducts, [0.3, -2, 0.5, -0.4, 0.2, 0.7, -1, 0.6, 2], [1, 0.5, -0.5, 0.4] },
        { Chain, [0.8, 0, 1.3, -0.6, 1.1], [1.5, 0.2] },
        { Chain, [0.8, 0, 1.3, 0, 1.1], [1.5, 0.2] },
        { Chain, [0.8, -0.4, 1.3, 0.9, 1.1], [1.5, 0.2] },
        // 1 + w[k]·z[k] = 0 at k = 0 and k = 2.
        { ShiftedChain, [-2, 0.3, 1, 0.7], [0.5, 2, -1, 1, 0.4] },
        { ShiftedChain, [0.2, 0.3, -0.5, 0.7], [0.5, 2, -1, 1, 0.4] },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Derivatives_of_products_with_zero_factors_match_central_differences(string members, double[] theta, double[] sample)
    {
        var model = GeneratorHarness.BuildCase(members);
        var d = model.ParameterCount;
        var gradient = new double[d];
        model.Gradient(theta, sample, gradient);
        var expected = FiniteDifferences.Gradient(t => model.Value(t, sample), theta);
        for (var i = 0; i < d; i++)
            Assert.Equal(expected[i], gradient[i], FiniteDifferences.Tolerance(expected[i]));

        var hessian = new double[d * d];
        model.Hessian(theta, sample, hessian);
        var v = Enumerable.Range(0, d).Select(i => Math.Cos(i + 0.5)).ToArray();
        var hv = new double[d];
        model.HessianVectorProduct(theta, sample, v, hv);
        var columns = new double[d][];
        for (var j = 0; j < d; j++)
        {
            columns[j] = FiniteDifferences.Partial(t =>
            {
                var g = new double[d];
                model.Gradient(t, sample, g);
                return g;
            }, theta, j);
            for (var i = 0; i < d; i++)
                Assert.Equal(columns[j][i], hessian[i * d + j], FiniteDifferences.Tolerance(columns[j][i]));
        }

        // (H v)_i = Σ_j ∂g_i/∂θ_j v_j from the differenced columns; each carries the tolerance above, |v_j| ≤ 1.
        for (var i = 0; i < d; i++)
        {
            var hvExpected = Enumerable.Range(0, d).Sum(j => columns[j][i] * v[j]);
            Assert.Equal(hvExpected, hv[i], d * FiniteDifferences.Tolerance(hvExpected));
        }
    }
}
