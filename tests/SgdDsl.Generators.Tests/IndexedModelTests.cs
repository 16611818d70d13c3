using System.Text.RegularExpressions;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// Indexed models (vector and matrix parameters and data, Sum, Prod, Dot): the generated loops agree
/// with the user's own method, with central differences, and with each other.
/// </summary>
public class IndexedModelTests
{
    // A two-layer tanh network, small enough for finite differences of every entry.
    private const string SmallNetwork = """
        const int H = 3, D = 2;
        [Loss]
        static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
            => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
        """;

    public static TheoryData<string> Models => new()
    {
        SmallNetwork,
        // A product of ten scalars (its derivatives' long products become runs of one chain) beside a function of nine.
        """
        [Loss]
        static double Loss([Param] double a0, [Param] double a1, [Param] double a2, [Param] double a3, [Param] double a4, [Param] double a5, [Param] double a6, [Param] double a7, [Param] double a8, [Param] double a9, double x, double y)
            => 0.5 * Sq(a0 * a1 * a2 * a3 * a4 * a5 * a6 * a7 * a8 * a9 * x - y) + 0.1 * Math.Sin(a0 * a1 * a2 * a3 * a4 * a5 * a6 * a7 * a8);
        """,
        // A deep linear chain f = w0·w1·w2·w3·x.
        """
        const int L = 4;
        [Loss]
        static double Loss([Param(L)] double[] w, double x, double y) => 0.5 * Sq(Prod(L, k => w[k]) * x - y);
        """,
        // Affine subscripts, matrix data, a scalar parameter among arrays, Dot and SumOfSquares.
        """
        const int N = 3;
        [Loss]
        static double Loss([Param] double c, [Param(N)] double[] u, [Param(N, N)] double[,] M, [Data(N, N)] double[,] X, [Data(N)] double[] z)
            => Sq(Sum(N - 1, i => u[i + 1] * M[i, N - 1 - i] * X[i + 1, i]) - c) + 0.1 * SumOfSquares(u) + Sigmoid(c * Dot(u, z))
             + Sum(N, i => Sum(N, j => Log(1 + Sq(M[i, j] - X[j, i])))) + Prod(N, i => 1 + 0.5 * Sin(u[i] * X[i, i]));
        """,
        // Nested reductions whose derivatives nest a new sum around an outer index (once captured: v_W[i1, i1]).
        """
        const int D = 3;
        [Loss]
        static double Loss([Param(D, D)] double[,] W) => Sq(Sum(D, i => Prod(D, j => W[i, j])));
        """,
        """
        const int D = 3;
        [Loss]
        static double Loss([Param(D, D)] double[,] W, [Data(D)] double[] x, double y)
            => 0.5 * Sq(Sum(D, i => Prod(D, j => 1 + W[i, j] * x[j])) - y);
        """,
        // Sums down the columns of A (Σ_i A[i, p]·x[i], free in p), accumulated row by row into tables, inside a
        // function, a square and a product over p.
        """
        const int N = 3, M = 4;
        [Loss]
        static double Loss([Param(N, M)] double[,] A, [Param(M)] double[] b, [Data(N)] double[] x)
            => Sum(M, p => Sq(Tanh(Sum(N, i => A[i, p] * x[i]) + b[p]))) + Prod(M, p => 1 + 0.1 * Sum(N, i => A[i, p] * A[i, p] * x[i]));
        """,
        // Several outputs (the hidden layer shared by every output) and two hidden layers.
        """
        const int K = 2, H = 3, D = 2;
        [Loss]
        static double Loss([Param(H, D)] double[,] W, [Param(K, H)] double[,] V, [Data(D)] double[] x, [Data(K)] double[] y)
            => 0.5 * Sum(K, c => Sq(Sum(H, j => V[c, j] * Math.Tanh(Sum(D, k => W[j, k] * x[k]))) - y[c]));
        """,
        """
        const int H = 3, D = 2;
        [Loss]
        static double Loss([Param(H, D)] double[,] W, [Param(H, H)] double[,] U, [Param(H)] double[] v, [Data(D)] double[] x, double y)
            => 0.5 * Sq(Sum(H, i => v[i] * Tanh(Sum(H, j => U[i, j] * Tanh(Sum(D, k => W[j, k] * x[k]))))) - y);
        """,
    };

    private static (ILossModel Model, Type Type) Build(string members)
    {
        var source = GeneratorHarness.Usings + $$"""
            namespace Cases;
            [SgdModel]
            public static partial class Case
            {
            {{members}}
            }
            """;
        var type = GeneratorHarness.Load(source, "Cases.Case");
        return (GeneratorHarness.ModelOf(type), type);
    }

    private static (double[] Theta, double[] Sample) RandomPoint(ILossModel model, int seed)
    {
        var random = new Random(seed);
        double Next() => random.NextDouble() * 1.6 - 0.8;
        return (Enumerable.Range(0, model.ParameterCount).Select(_ => Next()).ToArray(),
                Enumerable.Range(0, model.SampleWidth).Select(_ => Next()).ToArray());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Value_agrees_with_the_users_own_loss_method(string members)
    {
        var (model, type) = Build(members);
        for (var seed = 1; seed <= 3; seed++)
        {
            var (theta, sample) = RandomPoint(model, seed);
            var expected = UserLoss.Invoke(type, theta, sample);
            // Simplification reorders floating-point operations: agreement to rounding.
            Assert.Equal(expected, model.Value(theta, sample), 1e-12 * Math.Max(1, Math.Abs(expected)));
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Gradient_and_hessian_match_central_differences(string members)
    {
        var (model, _) = Build(members);
        var d = model.ParameterCount;
        for (var seed = 1; seed <= 3; seed++)
        {
            var (theta, sample) = RandomPoint(model, seed);
            var gradient = new double[d];
            model.Gradient(theta, sample, gradient);
            var expected = FiniteDifferences.Gradient(t => model.Value(t, sample), theta);
            for (var i = 0; i < d; i++)
                Assert.Equal(expected[i], gradient[i], FiniteDifferences.Tolerance(expected[i]));

            var hessian = new double[d * d];
            model.Hessian(theta, sample, hessian);
            for (var j = 0; j < d; j++)
            {
                var column = FiniteDifferences.Partial(t =>
                {
                    var g = new double[d];
                    model.Gradient(t, sample, g);
                    return g;
                }, theta, j);
                for (var i = 0; i < d; i++)
                    Assert.Equal(column[i], hessian[i * d + j], FiniteDifferences.Tolerance(column[i]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Hessian_is_symmetric_and_its_product_equals_the_hessian_vector_product(string members)
    {
        var (model, _) = Build(members);
        var d = model.ParameterCount;
        var (theta, sample) = RandomPoint(model, 7);
        var v = RandomPoint(model, 8).Theta;
        var hessian = new double[d * d];
        model.Hessian(theta, sample, hessian);
        var result = new double[d];
        model.HessianVectorProduct(theta, sample, v, result);
        for (var i = 0; i < d; i++)
        {
            var expected = 0.0;
            var scale = 0.0;
            for (var j = 0; j < d; j++)
            {
                Assert.Equal(hessian[i * d + j], hessian[j * d + i]);
                expected += hessian[i * d + j] * v[j];
                scale += Math.Abs(hessian[i * d + j] * v[j]);
            }

            // The same exact derivatives summed in another order: agreement to rounding of the terms.
            Assert.Equal(expected, result[i], 1e-12 * (1 + scale));
        }
    }

    [Fact]
    public void A_span_parameter_can_be_used_in_dot()
    {
        // A ReadOnlySpan cannot be captured by a Sum lambda (it is a ref struct), but Dot takes it.
        var (model, _) = Build("""
            [Loss]
            static double Loss([Param(3)] ReadOnlySpan<double> u, [Data(3)] double[] z, double y) => Sq(Dot(u, z) - y);
            """);
        double[] u = [0.5, -1, 2], sample = [1, 2, 3, 0.25];
        var gradient = new double[3];
        var value = model.Gradient(u, sample, gradient);
        var residual = 0.5 - 2 + 6 - 0.25;
        Assert.Equal(residual * residual, value, 1e-12);
        // ∂/∂u_i (u·z − y)² = 2(u·z − y)·z_i.
        Assert.Equal([2 * residual * 1, 2 * residual * 2, 2 * residual * 3], gradient);
    }

    [Fact]
    public void Names_and_shapes_flatten_row_major_in_declaration_order()
    {
        var (model, _) = Build(SmallNetwork);
        Assert.Equal(3 * 2 + 3, model.ParameterCount);
        Assert.Equal(3, model.SampleWidth);
        Assert.Equal(["W[0,0]", "W[0,1]", "W[1,0]", "W[1,1]", "W[2,0]", "W[2,1]", "v[0]", "v[1]", "v[2]"], model.ParameterNames);
        Assert.Equal(["x[0]", "x[1]", "y"], model.SampleNames);
    }

    [Fact]
    public void Indexed_derivatives_do_not_allocate()
    {
        var (model, _) = Build(SmallNetwork);
        var (theta, sample) = RandomPoint(model, 1);
        Assert.Equal(0, Allocations.OfDerivativeCalls(model, theta, sample, 200));
    }

    // A layer wider than the stack holds: 5,000 hidden units, θ of 15,000 entries.
    private const string WideNetwork = """
        const int H = 5000, D = 2;
        [Loss]
        static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
            => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
        """;

    [Fact]
    public void A_wide_layer_is_tabulated_in_pooled_arrays_and_matches_central_differences()
    {
        var (model, type) = Build(WideNetwork);
        var source = GeneratorHarness.GeneratedSource(GeneratorHarness.Usings + "[SgdModel]\npublic static partial class Net\n{\n" + WideNetwork + "\n}\n");
        Assert.Contains("ArrayPool<double>.Shared.Rent(", source);
        Assert.DoesNotContain("stackalloc double[5000]", source);
        Assert.Contains("new global::System.Span<double>(pooled, ", source);

        var (theta, sample) = RandomPoint(model, 3);
        var d = model.ParameterCount;
        // Output weights of order 1/√H, as an initialization would have them: f stays of order one, and so does the
        // roundoff of its 5,000-term sum that central differences divide by h.
        for (var j = 2 * 5000; j < d; j++) theta[j] /= Math.Sqrt(5000);
        var gradient = new double[d];
        var value = model.Gradient(theta, sample, gradient);
        Assert.Equal(model.Value(theta, sample), value);
        var expectedValue = UserLoss.Invoke(type, theta, sample);
        Assert.Equal(expectedValue, value, 1e-12 * Math.Max(1, Math.Abs(expectedValue)));

        // A few entries of each block (W[0, 0], W[2500, 1], W[4999, 1], v[0], v[4999]): each a full Value per
        // difference, so not all 15,000.
        int[] entries = [0, 2 * 2500 + 1, 2 * 4999 + 1, 2 * 5000, 2 * 5000 + 4999];
        double[] direction = theta.Select((_, i) => Math.Sin(i + 1.0)).ToArray(), hv = new double[d];
        model.HessianVectorProduct(theta, sample, direction, hv);
        foreach (var j in entries)
        {
            var expected = FiniteDifferences.Partial(t => [model.Value(t, sample)], theta, j)[0];
            Assert.True(Math.Abs(gradient[j] - expected) <= FiniteDifferences.Tolerance(expected), $"∂ℓ/∂θ[{j}]: {gradient[j]} vs {expected}");
            // (H v)_j = ∂/∂θ_j of ∇ℓ · v, by central differences of the generated gradient.
            var g = new double[d];
            var hvExpected = FiniteDifferences.Partial(t =>
            {
                model.Gradient(t, sample, g);
                return [g.Zip(direction, (a, b) => a * b).Sum()];
            }, theta, j)[0];
            Assert.True(Math.Abs(hv[j] - hvExpected) <= 1e-6 * Math.Max(1, Math.Abs(hvExpected)), $"(Hv)[{j}]: {hv[j]} vs {hvExpected}");
        }
    }

    [Fact]
    public void A_wide_layer_does_not_allocate()
    {
        var (model, _) = Build(WideNetwork);
        var (theta, sample) = RandomPoint(model, 5);
        var d = model.ParameterCount;
        double[] v = theta.Reverse().ToArray(), gradient = new double[d], result = new double[d];
        void Work()
        {
            model.Value(theta, sample);
            model.Gradient(theta, sample, gradient);
            model.HessianVectorProduct(theta, sample, v, result);
        }

        Work(); // JIT, static initialization and the pool's first arrays allocate once.
        // ArrayPool.Shared drops its cached arrays when a full collection sees memory pressure (other tests compile in
        // parallel), and the next rent then allocates once more: the steady state must reach zero in some window.
        var windows = new List<long>();
        for (var w = 0; w < 5; w++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 20; i++) Work();
            windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, windows.Min());
    }

    /// <summary>A 3–5–5–1 net with two tanh layers, as a whole source file.</summary>
    private const string TwoHiddenLayerNet = GeneratorHarness.Usings + """
        [SgdModel]
        public static partial class Net
        {
            const int H = 5, D = 3;
            [Loss]
            static double Loss([Param(H, D)] double[,] W, [Param(H, H)] double[,] U, [Param(H)] double[] v, [Data(D)] double[] x, double y)
                => 0.5 * Sq(Sum(H, i => v[i] * Tanh(Sum(H, j => U[i, j] * Tanh(Sum(D, k => W[j, k] * x[k]))))) - y);
        }
        """;

    [Fact]
    public void A_layers_adjoint_reads_the_next_layers_weights_along_their_rows()
    {
        var source = GeneratorHarness.GeneratedSource(TwoHiddenLayerNet);
        var gradient = source[source.IndexOf("public static double Gradient(", StringComparison.Ordinal)..source.IndexOf("public static void Hessian(", StringComparison.Ordinal)];
        // δ_p = Σ_i U[i, p]·e_i as δ += e_i·U[i, ·] for each row i (one AddScaled on a slice of U), never a sum over i of U[i, p] for each p.
        Assert.Matches(@"GeneratedCodeSupport\.AddScaled\(\w+, U\.Slice\(i\d \* 5, 5\), adjoint\d+\);", gradient);
        Assert.DoesNotMatch(@"t\d+ \+= .*U\[i\d \* 5 \+ p\]", gradient);
    }

    [Fact]
    public void A_two_layer_nets_hessian_vector_product_reads_each_row_of_the_layer_weights_once_per_pass()
    {
        var source = GeneratorHarness.GeneratedSource(TwoHiddenLayerNet);
        var hvp = source[source.IndexOf("public static void HessianVectorProduct(", StringComparison.Ordinal)..];
        hvp = hvp[..hvp.IndexOf("/// <summary>", StringComparison.Ordinal)];
        // The tangent of U's adjoint, Σ_i U[i, p]·a_i − 2·Σ_i U[i, p]·b_i + Σ_i v_U[i, p]·c_i, is one pass of two-term row
        // updates, fused with the adjoint itself (they share U's row): one row kernel per row of U, not four.
        Assert.Single(Regex.Matches(hvp, @"GeneratedCodeSupport\.AddScaled"));
        Assert.Matches(@"GeneratedCodeSupport\.AddScaledBlock\(\w+, 0\.0, \w+, \w+, U\.Slice\(i\d \* 5, 5\), v_U\.Slice\(i\d \* 5, 5\), adjoint\d, adjoint\d\);", hvp);
        // The layer's sum and its two tangent sums read U's row and v_U's row once: one fused call.
        Assert.Matches(@"GeneratedCodeSupport\.DotBlock\(tanh0, tab\d, U\.Slice\(i\d \* 5, 5\), v_U\.Slice\(i\d \* 5, 5\), out var t\d+, out var t\d+, out var t\d+, out _\);", hvp);
        // U's block of the result, (1 − h_q²)·ḣ_q·a_p + h_q·b_p per entry, is one Combine per row from two tables, the first
        // tabulated once (it was recomputed for every row), and the layer's tangent sum (in the DotBlock) reads that table too.
        Assert.Matches(@"GeneratedCodeSupport\.Combine\(\w+, (tab\d), \w+, tanh0, hv_U\.Slice\(p \* 5, 5\)\);", hvp);
        var table = Regex.Match(hvp, @"Combine\(\w+, (tab\d),").Groups[1].Value;
        Assert.Matches($@"DotBlock\(tanh0, {table}, U\.Slice", hvp);
        Assert.DoesNotMatch(@"for \(var q = 0; q < row\d\.Length", hvp);
    }

    [Fact]
    public void Generated_code_keeps_the_loops_instead_of_unrolling()
    {
        string Source(int h) => GeneratorHarness.Usings + $$"""
            [SgdModel]
            public static partial class Net
            {
                const int H = {{h}}, D = 16;
                [Loss]
                static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y)
                    => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y);
            }
            """;
        var small = GeneratorHarness.GeneratedSource(Source(4));
        var large = GeneratorHarness.GeneratedSource(Source(64));
        // Only the numbers change with the width, not the amount of code.
        Assert.Equal(small.Split('\n').Length, large.Split('\n').Length);
        Assert.Contains("for (var p = 0; p < 64; p++)", large);
    }
}
