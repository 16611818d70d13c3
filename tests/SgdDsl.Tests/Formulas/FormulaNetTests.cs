using SgdDsl.Formulas;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Formulas;

/// <summary>
/// A network typed as a formula, with sum(…) and array parameters declared as <c>W[6,4]</c>, is the generated model of
/// the same loss: the same θ and sample layout and names, and the same Value, Gradient, Hessian, HVP and residual form.
/// </summary>
public class FormulaNetTests
{
    /// <summary>
    /// Both compute the same canonical expressions from the same loop programs; only the grouping of a few sums and the
    /// compiler's instruction choice may differ, which moves a result by a few ulps of the largest value it is summed
    /// with. 1e-12 relative to the largest entry of each result is far above that and far below any wrong term.
    /// </summary>
    private const double Relative = 1e-12;

    private const string Net = "0.5*(sum(j, 6, v[j]*tanh(sum(k, 4, W[j,k]*x[k]))) - y)^2";

    [Fact]
    public void A_formula_net_has_the_layout_and_names_of_the_generated_net()
    {
        var formula = FormulaModel.Create(Net, ["W[6,4]", "v[6]"]);
        var generated = SmallTanhNet.Model;
        Assert.Equal(generated.ParameterNames, formula.ParameterNames);
        Assert.Equal(generated.SampleNames, formula.SampleNames);
        Assert.Equal(generated.LossFormula, formula.LossFormula);
        Assert.Equal(generated.GradientFormulas, formula.GradientFormulas);
    }

    [Fact]
    public void A_formula_net_agrees_with_the_generated_net_in_every_method()
    {
        var formula = FormulaModel.Create(Net, ["W[6,4]", "v[6]"]);
        AgreeEverywhere(SmallTanhNet.Model, formula, seed: 3);
        var form = formula.SquaredResidual!;
        var expected = SmallTanhNet.Model.SquaredResidual!;
        Assert.Equal(expected.Scale, form.Scale);
        Assert.Equal(expected.TargetIndices, form.TargetIndices);
        var random = new Random(5);
        for (var trial = 0; trial < 10; trial++)
        {
            var (theta, sample, _) = Draw(random, formula);
            double[] g1 = new double[formula.ParameterCount], g2 = new double[formula.ParameterCount];
            Close(expected.OutputGradient(theta, sample, g1), form.OutputGradient(theta, sample, g2));
            Close(expected.Output(theta, sample), form.Output(theta, sample));
            Close(g1, g2);
        }
    }

    [Fact]
    public void A_log_cosh_formula_net_has_the_generalized_residual_form_of_the_generated_net()
    {
        var formula = FormulaModel.Create("logcosh(sum(j, 6, v[j]*tanh(sum(k, 4, W[j,k]*x[k]))) - y)", ["W[6,4]", "v[6]"]);
        var generated = LogCoshTanhNet.Model;
        AgreeEverywhere(generated, formula, seed: 17);
        var form = formula.SquaredResidual!;
        Assert.Equal(generated.SquaredResidual!.Scale, form.Scale);
        Assert.Equal(0.5, form.Scale); // φ''(0)/2 for φ = log cosh
        Assert.Equal(generated.SquaredResidual.TargetIndices, form.TargetIndices);
        var (theta, sample, _) = Draw(new Random(19), formula);
        double[] g1 = new double[formula.ParameterCount], g2 = new double[formula.ParameterCount];
        Close(generated.SquaredResidual.OutputGradient(theta, sample, g1), form.OutputGradient(theta, sample, g2));
        Close(g1, g2);
    }

    [Fact]
    public void A_multi_output_formula_net_has_the_vector_residual_form_of_the_generated_net()
    {
        var formula = FormulaModel.Create(SmallMultiOutputNet.Formula, ["W[5,4]", "V[3,5]"]);
        var generated = SmallMultiOutputNet.Model;
        Assert.Equal(generated.ParameterNames, formula.ParameterNames);
        Assert.Equal(generated.SampleNames, formula.SampleNames);
        AgreeEverywhere(generated, formula, seed: 7);
        var form = formula.SquaredResidual!;
        var expected = generated.SquaredResidual!;
        Assert.Equal(3, form.OutputCount);
        Assert.Equal(expected.TargetIndices, form.TargetIndices);
        Assert.Equal(expected.Scale, form.Scale);
        var random = new Random(9);
        var (theta, sample, _) = Draw(random, formula);
        double[] f1 = new double[3], f2 = new double[3], j1 = new double[3 * formula.ParameterCount], j2 = new double[3 * formula.ParameterCount];
        expected.Outputs(theta, sample, f1);
        form.Outputs(theta, sample, f2);
        expected.OutputJacobian(theta, sample, j1);
        form.OutputJacobian(theta, sample, j2);
        Close(f1, f2);
        Close(j1, j2);
    }

    [Fact]
    public void Products_over_an_index_shifted_subscripts_and_a_data_matrix_agree_with_the_generated_model()
    {
        // X is read only at [k, k + 1] for k < 3, so its inferred shape is [3,4]: the generated model's [Data(D, D + 1)].
        var formula = FormulaModel.Create(ShiftedProductModel.Formula, ["w[3]"]);
        Assert.Equal(ShiftedProductModel.Model.SampleNames, formula.SampleNames);
        AgreeEverywhere(ShiftedProductModel.Model, formula, seed: 11);
    }

    [Fact]
    public void A_wide_formula_net_agrees_with_the_generated_one_in_value_and_gradient()
    {
        // d = 20,000: a d×d buffer would be 3.2 GB, so Value and Gradient must not allocate one.
        var formula = FormulaModel.Create("0.5*(sum(j, 100, v[j]*tanh(sum(k, 199, W[j,k]*x[k]))) - y)^2", ["W[100,199]", "v[100]"]);
        var generated = WideTanhNet.Model;
        var (theta, sample, _) = Draw(new Random(13), generated);
        double[] g1 = new double[generated.ParameterCount], g2 = new double[generated.ParameterCount];
        Close(generated.Value(theta, sample), formula.Value(theta, sample));
        Close(generated.Gradient(theta, sample, g1), formula.Gradient(theta, sample, g2));
        Close(g1, g2);
    }

    [Fact]
    public void Data_names_are_the_parsers_own_so_spacing_inside_subscripts_does_not_matter()
    {
        var model = FormulaModel.Create("0.5*(a*x[ 0] + b*x[1 ] - y)^2", ["a", "b"]);
        Assert.Equal(["x[0]", "x[1]", "y"], model.SampleNames);
        Assert.Equal(0.5 * Math.Pow(2 * 3 + 5 * 7 - 1, 2), model.Value([2, 5], [3, 7, 1]), 1e-12);
    }

    [Fact]
    public void Parameters_listed_entry_by_entry_stay_scalars_and_equal_the_declared_array()
    {
        var entries = FormulaModel.Create("0.5*(W[0,0]*x + W[0,1]*z - y)^2", ["W[0,0]", "W[0,1]"]);
        var array = FormulaModel.Create("0.5*(W[0,0]*x + W[0,1]*z - y)^2", ["W[1,2]"]);
        Assert.Equal(entries.ParameterNames, array.ParameterNames);
        double[] theta = [0.3, -1.2], sample = [2, 0.5, 0.1];
        Assert.Equal(entries.Value(theta, sample), array.Value(theta, sample), 1e-15);
    }

    [Theory]
    [InlineData("sum(j, 6, v[j]*x[j])", "v", typeof(ArgumentException), "Parameter 'v' is subscripted by an index in the loss; declare its shape, e.g. v[6]")]
    [InlineData("sum(j, 6, v[j]*x[j])", "v[5]", typeof(FormatException), "subscript 'j' of 'v' takes values 0 … 5, outside 0 … 4 (shape [5]) at position 13")]
    [InlineData("sum(j, 6, v[j]*x[j - 1])", "v[6]", typeof(FormatException), "subscript 1 of 'x' takes the value -1, but subscripts start at 0")]
    [InlineData("sum(j, 6, v[j]*x[q])", "v[6]", typeof(FormatException), "unknown index 'q' in a subscript")]
    [InlineData("sum(j, 2, v[j]) + v[0,1]", "v[2]", typeof(FormatException), "'v' is written with 1 subscript at position 11 but with 2 here at position 19")]
    [InlineData("sum(j, 2, v[j])", "v[2],v[3]", typeof(ArgumentException), "twice")]
    [InlineData("sum(j, 2, v[j]) + w[0]", "v[2],w[0],w[1,1]", typeof(ArgumentException), "Parameter 'w[0]' is an entry of the array w[1,1]")]
    [InlineData("sum(j, 2, v[j])", "v[2],u[3]", typeof(ArgumentException), "Parameter 'u[3]' does not occur in the loss")]
    public void Bad_shapes_and_subscripts_are_named(string loss, string parameters, Type exception, string reason)
    {
        var e = Assert.Throws(exception, () => FormulaModel.Create(loss, SgdDsl.Data.CommaList.Split(parameters)));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_product_chains_HVP_by_tangent_scans_equals_its_Hessian_times_the_direction()
    {
        // The HVP reads prefix and suffix products with their tangents; the Hessian computes each Π_{k ∉ {p, r}} by a loop.
        var model = FormulaModel.Create("0.5*(prod(k, 6, 1 + w[k]*z[k]) - y)^2", ["w[6]"]);
        var d = model.ParameterCount;
        var random = new Random(21);
        for (var trial = 0; trial < 5; trial++)
        {
            var (theta, sample, v) = Draw(random, model);
            if (trial == 0) theta[2] = -1 / sample[2]; // a zero factor
            var (hessian, hv) = (new double[d * d], new double[d]);
            model.Hessian(theta, sample, hessian);
            model.HessianVectorProduct(theta, sample, v, hv);
            var expected = Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Sum(j => hessian[i * d + j] * v[j])).ToArray();
            Close(expected, hv);
        }
    }

    /// <summary>Value, Gradient, Hessian and HVP of both models at random points, samples and directions.</summary>
    [Fact]
    public void A_formula_net_with_two_hidden_layers_agrees_with_the_generated_net_in_every_method()
    {
        // Its H·v runs the two-term row kernels (RowCombination) in both compilers.
        var formula = FormulaModel.Create(TwoHiddenLayerNet.Formula, ["W[5,3]", "U[4,5]", "v[4]"]);
        AgreeEverywhere(TwoHiddenLayerNet.Model, formula, seed: 23);
    }

    [Fact]
    public void A_formula_net_reads_and_writes_only_the_spans_it_is_given()
    {
        // Compiled programs read the caller's spans through their first entries: every span here is a slice of a longer
        // array whose other entries hold a sentinel, which no result may read (it would be NaN) or overwrite.
        var formula = FormulaModel.Create(TwoHiddenLayerNet.Formula, ["W[5,3]", "U[4,5]", "v[4]"]);
        var generated = TwoHiddenLayerNet.Model;
        var (d, width) = (formula.ParameterCount, formula.SampleWidth);
        const int pad = 7;
        Span<double> Padded(int n, Random random, bool values)
        {
            var array = Enumerable.Repeat(double.NaN, n + 2 * pad).ToArray();
            if (values)
                for (var k = 0; k < n; k++) array[pad + k] = 2 * random.NextDouble() - 1;
            return array.AsSpan(pad, n);
        }

        bool Untouched(Span<double> slice)
        {
            ref var first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(slice);
            for (var k = 1; k <= pad; k++)
                if (!double.IsNaN(System.Runtime.CompilerServices.Unsafe.Add(ref first, -k)) || !double.IsNaN(System.Runtime.CompilerServices.Unsafe.Add(ref first, slice.Length - 1 + k)))
                    return false;
            return true;
        }

        var random = new Random(29);
        Span<double> theta = Padded(d, random, true), sample = Padded(width, random, true), v = Padded(d, random, true);
        Span<double> gradient = Padded(d, random, false), hessian = Padded(d * d, random, false), hv = Padded(d, random, false);
        Close(generated.Value(theta, sample), formula.Value(theta, sample));
        Close(generated.Gradient(theta, sample, new double[d]), formula.Gradient(theta, sample, gradient));
        formula.Hessian(theta, sample, hessian);
        formula.HessianVectorProduct(theta, sample, v, hv);
        double[] g = new double[d], h = new double[d * d], r = new double[d];
        generated.Gradient(theta, sample, g);
        generated.Hessian(theta, sample, h);
        generated.HessianVectorProduct(theta, sample, v, r);
        Close(g, gradient.ToArray());
        Close(h, hessian.ToArray());
        Close(r, hv.ToArray());
        Assert.All(new[] { gradient.ToArray(), hessian.ToArray(), hv.ToArray() }, a => Assert.DoesNotContain(a, double.IsNaN));
        Assert.True(Untouched(theta) && Untouched(sample) && Untouched(v) && Untouched(gradient) && Untouched(hessian) && Untouched(hv));
    }

    private static void AgreeEverywhere(ILossModel expected, ILossModel actual, int seed)
    {
        Assert.Equal(expected.ParameterCount, actual.ParameterCount);
        Assert.Equal(expected.SampleWidth, actual.SampleWidth);
        var d = expected.ParameterCount;
        var random = new Random(seed);
        for (var trial = 0; trial < 10; trial++)
        {
            var (theta, sample, v) = Draw(random, expected);
            Close(expected.Value(theta, sample), actual.Value(theta, sample));
            double[] g1 = new double[d], g2 = new double[d], h1 = new double[d * d], h2 = new double[d * d], r1 = new double[d], r2 = new double[d];
            Close(expected.Gradient(theta, sample, g1), actual.Gradient(theta, sample, g2));
            Close(g1, g2);
            expected.Hessian(theta, sample, h1);
            actual.Hessian(theta, sample, h2);
            Close(h1, h2);
            expected.HessianVectorProduct(theta, sample, v, r1);
            actual.HessianVectorProduct(theta, sample, v, r2);
            Close(r1, r2);
        }
    }

    private static (double[] Theta, double[] Sample, double[] V) Draw(Random random, ILossModel model)
    {
        double Next() => 2 * random.NextDouble() - 1;
        return (Enumerable.Range(0, model.ParameterCount).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, model.SampleWidth).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, model.ParameterCount).Select(_ => Next()).ToArray());
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Max(Math.Abs(expected), double.Epsilon), $"{actual:R} ≠ {expected:R}");

    private static void Close(double[] expected, double[] actual)
    {
        var scale = expected.Max(Math.Abs);
        Assert.True(scale > 0, "a result that is all zeros proves nothing");
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Relative * scale, $"entry {i}: {actual[i]:R} ≠ {expected[i]:R} (largest {scale:R})");
    }
}
