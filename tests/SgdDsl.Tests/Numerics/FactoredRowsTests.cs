using SgdDsl.Linearizing;
using SgdDsl.Models;
using static SgdDsl.Dsl;

namespace SgdDsl.Tests.Numerics;

/// <summary>
/// Rows held by their outer-product factors behave as the dense rows they stand for: TryFactor recovers u vᵀ and refuses
/// a sum of two outer products; the Gram matrix, the dots and the combinations of factored rows equal those of
/// <see cref="HeldColumns"/> on the same rows to round-off.
/// </summary>
public class FactoredRowsTests
{
    [Fact]
    public void An_outer_product_is_factored_and_a_sum_of_two_is_refused()
    {
        const int m = 7, n = 5;
        var random = new Random(1);
        var (u, v, w, z) = (Vector(m, random), Vector(n, random), Vector(m, random), Vector(n, random));
        var outer = new double[m * n];
        var sum = new double[m * n];
        for (var j = 0; j < m; j++)
        {
            for (var k = 0; k < n; k++)
            {
                outer[j * n + k] = u[j] * v[k];
                sum[j * n + k] = u[j] * v[k] + 1e-6 * w[j] * z[k];
            }
        }
        var (fu, fv) = (new double[m], new double[n]);
        Assert.True(FactoredRows.TryFactor(outer, m, n, fu, fv));
        for (var j = 0; j < m; j++)
        {
            for (var k = 0; k < n; k++)
                Assert.Equal(outer[j * n + k], fu[j] * fv[k], 1e-15);
        }
        Assert.False(FactoredRows.TryFactor(sum, m, n, fu, fv));
        Assert.True(FactoredRows.TryFactor(new double[m * n], m, n, fu, fv));
    }

    [Fact]
    public void Factored_rows_act_as_the_dense_rows()
    {
        const int n = 9;
        var model = BiasedMultiOutputNet.Model;
        var form = model.SquaredResidual!;
        var random = new Random(5);
        var point = Vector(model.ParameterCount, random);
        var data = Dataset.FromRows([.. Enumerable.Range(0, n).Select(_ => Vector(model.SampleWidth, random))]);
        // Every row but sample 4's second output: the kept rows need not be all of them.
        (int Sample, int Output)[] rows = [.. Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, 3).Select(c => (i, c))).Where(t => t != (4, 1))];
        var plan = FactoredRows.Plan(ParameterBlock.Of(model.ParameterNames), model.ParameterCount);
        Assert.NotNull(plan);
        var factored = FactoredRows.TryCreate(form, data, point, rows, plan, maxDegreeOfParallelism: 2);
        Assert.NotNull(factored);
        var dense = SquaredResidualFactors.Compute(form, data, point, 1);
        var held = new HeldColumns([.. rows.Select(t => dense.Factors[t.Sample][t.Output])]);

        var (g, expected) = (factored.Gram(2), held.Gram(1));
        var scale = expected.Max(Math.Abs);
        Assert.Equal(expected, g, (a, b) => Math.Abs(a - b) <= 1e-13 * scale);
        var x = Vector(model.ParameterCount, random);
        var (t1, t2) = (new double[rows.Length], new double[rows.Length]);
        factored.Dots(x, t1);
        held.Dots(x, t2);
        Assert.Equal(t2, t1, (a, b) => Math.Abs(a - b) <= 1e-13 * t2.Max(Math.Abs));
        var c = Vector(rows.Length, random);
        var (y1, y2) = (new double[model.ParameterCount], new double[model.ParameterCount]);
        factored.AddCombination(c, y1);
        held.AddCombination(c, y2);
        Assert.Equal(y2, y1, (a, b) => Math.Abs(a - b) <= 1e-13 * y2.Max(Math.Abs));
        var materialized = factored.Materialize();
        for (var a = 0; a < rows.Length; a++)
            Assert.Equal(held.Materialize()[a], materialized[a], (p, q) => Math.Abs(p - q) <= 1e-15 * scale);
    }

    [Fact]
    public void Held_rows_factor_to_the_same_Gram_matrix()
    {
        // The Gauss–Newton step's use: J held as a RowMatrix (K rows per sample), factored in place of its dense Gram.
        const int n = 6;
        var model = BiasedMultiOutputNet.Model;
        var form = model.SquaredResidual!;
        var random = new Random(8);
        var point = Vector(model.ParameterCount, random);
        var d = model.ParameterCount;
        var jacobian = SgdDsl.Numerics.RowMatrix.Allocate(n, 3, d);
        for (var i = 0; i < n; i++)
            form.OutputJacobian(point, Vector(model.SampleWidth, random), jacobian.Array(i));
        var plan = FactoredRows.Plan(ParameterBlock.Of(model.ParameterNames), d)!;
        var factored = FactoredRows.TryCreate(jacobian, plan, maxDegreeOfParallelism: 2);
        Assert.NotNull(factored);
        var expected = new double[3 * n * 3 * n];
        SgdDsl.Numerics.GramMatrix.Compute(jacobian, expected, 1);
        var scale = expected.Max(Math.Abs);
        Assert.Equal(expected, factored.Gram(2), (a, b) => Math.Abs(a - b) <= 1e-13 * scale);
    }

    [Fact]
    public void Rows_that_are_not_outer_products_are_not_factored()
    {
        var model = SquaredWeightsModel.Model;
        var random = new Random(6);
        var data = Dataset.FromRows([.. Enumerable.Range(0, 4).Select(_ => Vector(model.SampleWidth, random))]);
        var plan = FactoredRows.Plan(ParameterBlock.Of(model.ParameterNames), model.ParameterCount);
        Assert.NotNull(plan);
        Assert.Null(FactoredRows.TryCreate(model.SquaredResidual!, data, Vector(model.ParameterCount, random), [(0, 0), (1, 0), (2, 0), (3, 0)], plan, 2));
    }

    [Fact]
    public void Small_matrix_blocks_are_not_worth_factoring() =>
        // 6×4 W and v: 16 of 30 doubles would remain.
        Assert.Null(FactoredRows.Plan(ParameterBlock.Of(SgdDsl.Tests.Models.SmallTanhNet.Model.ParameterNames), 30));

    private static double[] Vector(int n, Random random) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
}

/// <summary>A 12–16–3 tanh network with hidden biases: W and V factor (d = 256, 63 doubles stored per row), b is dense.</summary>
[SgdModel]
public static partial class BiasedMultiOutputNet
{
    public const int K = 3, H = 16, D = 12;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] b, [Param(K, H)] double[,] V, [Data(D)] double[] x, [Data(K)] double[] y)
        => 0.5 * Sum(K, c => Sq(Sum(H, j => V[c, j] * Math.Tanh(Sum(D, k => W[j, k] * x[k]) + b[j])) - y[c]));
}

/// <summary>f = Σ_jk W_jk² x_k: ∂f/∂W_jk = 2 W_jk x_k is no outer product, so the rows do not factor.</summary>
[SgdModel]
public static partial class SquaredWeightsModel
{
    public const int H = 16, D = 12;

    [Loss]
    static double Loss([Param(H, D)] double[,] W, [Data(D)] double[] x, double y)
        => 0.5 * Sq(Sum(H, j => Sum(D, k => W[j, k] * W[j, k] * x[k])) - y);
}
