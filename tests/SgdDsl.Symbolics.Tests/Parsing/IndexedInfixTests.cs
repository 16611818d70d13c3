using CsCheck;
using SgdDsl.Symbolics.Tests.Support;

namespace SgdDsl.Symbolics.Tests.Parsing;

/// <summary>
/// The indexed part of the infix language reads exactly what <see cref="InfixPrinter"/> writes: sum(…), prod(…), array
/// entries with affine subscripts and delta(…), so every printed formula of an indexed loss (its gradient formulas
/// included, in their free indices) parses back to the same expression; and each mistake is named with its position.
/// </summary>
public sealed class IndexedInfixTests
{
    private static readonly InfixNames Arrays = new(IndexedExprGenerators.Arrays);
    private static readonly InfixNames ArraysAndP = new(IndexedExprGenerators.Arrays, [IndexedExprGenerators.P]);

    private const int Iterations = 400;

    [Fact]
    public void Printed_indexed_expressions_parse_back_to_the_structurally_equal_expression()
    {
        var reductions = 0;
        IndexedExprGenerators.Expressions(maxDepth: 4, withFree: false).Sample(e =>
        {
            var text = InfixPrinter.Format(e);
            AssertSame(e, InfixParser.Parse(text, Arrays), text);
            if (text.Contains("sum(") || text.Contains("prod(")) Interlocked.Increment(ref reductions);
        }, iter: Iterations);

        Assert.True(reductions >= Iterations / 4, $"only {reductions} of {Iterations} samples had a reduction");
    }

    [Fact]
    public void Printed_expressions_in_a_free_index_parse_back_given_that_index()
    {
        IndexedExprGenerators.Expressions(maxDepth: 4, withFree: true).Sample(e =>
        {
            var text = InfixPrinter.Format(e);
            AssertSame(e, InfixParser.Parse(text, ArraysAndP), text);
        }, iter: Iterations);
    }

    [Fact]
    public void Gradient_formulas_of_random_indexed_losses_parse_back_in_their_free_indices()
    {
        ParameterBlock[] blocks = [new("W", [3, 4], 0), new("v", [3], 12), new("a", [], 15)];
        IndexedExprGenerators.Expressions(maxDepth: 3, withFree: false).Sample(e =>
        {
            foreach (var g in DerivativeSet.GradientOf(blocks, e))
            {
                var text = InfixPrinter.Format(g.Value);
                AssertSame(g.Value, InfixParser.Parse(text, new InfixNames(IndexedExprGenerators.Arrays, g.Indices)), text);
            }
        }, iter: Iterations / 4);
    }

    [Fact]
    public void A_derivative_whose_bound_index_was_moved_for_a_free_index_has_canonical_names()
    {
        // Found by the property above (seed 217JEhjM7_21): ∂/∂a of Σ_i Π_j (a + W[2 − i, j]) printed its outer index as
        // i3 where the parser, building the same sum afresh, names it i2, so the two were unequal.
        ParameterBlock[] blocks = [new("W", [3, 4], 0), new("v", [3], 12), new("a", [], 15)];
        var loss = InfixParser.Parse("sum(i, 3, prod(j, 4, a + W[-i + 2, j]))", new InfixNames(IndexedExprGenerators.Arrays));
        foreach (var g in DerivativeSet.GradientOf(blocks, loss))
        {
            var text = InfixPrinter.Format(g.Value);
            AssertSame(g.Value, InfixParser.Parse(text, new InfixNames(IndexedExprGenerators.Arrays, g.Indices)), text);
        }
    }

    [Fact]
    public void Gradient_formulas_of_a_network_parse_back_in_their_free_indices()
    {
        var names = new InfixNames(new Dictionary<string, IReadOnlyList<int>> { ["W"] = [6, 4], ["v"] = [6], ["x"] = [4] });
        var loss = InfixParser.Parse("0.5*(sum(j, 6, v[j]*tanh(sum(k, 4, W[j,k]*x[k]))) - y)^2", names);
        var derivatives = DerivativeSet.Compute([new ParameterBlock("W", [6, 4], 0), new ParameterBlock("v", [6], 24)], loss);
        AssertSame(loss, InfixParser.Parse(InfixPrinter.Format(loss), names), InfixPrinter.Format(loss));
        foreach (var g in derivatives.Gradient)
        {
            var text = InfixPrinter.Format(g.Value);
            AssertSame(g.Value, InfixParser.Parse(text, new InfixNames(names.Arrays, g.Indices)), text);
        }
    }

    [Fact]
    public void A_sum_is_the_same_expression_whatever_its_index_is_called()
    {
        var names = new InfixNames(IndexedExprGenerators.Arrays);
        var i = new IndexSymbol("i", 4);
        var expected = IndexedSum.Build(i, new Element("x", Affine.Of(i)) * Expr.Var("a"));
        Assert.Equal(expected, InfixParser.Parse("sum(k, 4, a*x[k])", names));
        Assert.Equal(expected, InfixParser.Parse("a * sum( j , 4 , x[ j ] )", names));
        // Σ_{k<4} x[3 − k] is the same sum read backwards, but not the same expression.
        Assert.Equal(IndexedSum.Build(i, new Element("x", Affine.Of(3) - Affine.Of(i))), InfixParser.Parse("sum(k, 4, x[3 - k])", names));
        Assert.Equal(IndexedProduct.Build(i, Expr.Var("a") + new Element("x", Affine.Of(i))), InfixParser.Parse("prod(k, 4, a + x[k])", names));
    }

    [Fact]
    public void Subscripts_are_affine_in_the_enclosing_indices()
    {
        var names = new InfixNames(new Dictionary<string, IReadOnlyList<int>> { ["W"] = [8, 8] });
        var j = new IndexSymbol("j", 3);
        var k = new IndexSymbol("k", 2);
        var expected = IndexedSum.Build(j, IndexedSum.Build(k, new Element("W", 2 * Affine.Of(j) + Affine.Of(1), Affine.Of(7) - Affine.Of(k) - Affine.Of(j))));
        Assert.Equal(expected, InfixParser.Parse("sum(j, 3, sum(k, 2, W[2*j + 1, 7 - (k + j)]))", names));
        Assert.Equal(expected, InfixParser.Parse("sum(j, 3, sum(k, 2, W[j*2 + 1, -j - k + 7]))", names));
    }

    [Fact]
    public void A_delta_collapses_the_sum_over_its_index()
    {
        var p = new IndexSymbol("p", 4);
        var names = new InfixNames(IndexedExprGenerators.Arrays, [p]);
        Assert.Equal(new Element("x", Affine.Of(p)), InfixParser.Parse("sum(i, 4, delta(p - i)*x[i])", names));
    }

    [Fact]
    public void Integer_subscripts_of_an_undeclared_name_are_one_flattened_scalar_name_as_before()
    {
        Assert.Equal(Expr.Var("x[0,1]") * Expr.Var("w[2]"), InfixParser.Parse("x[0, 1]*w[ 2]"));
        var read = InfixParser.Read("x[ 0]*a + b*x[0] + y", InfixNames.None);
        Assert.Equal(["x[0]", "a", "b", "y"], read.Names);
    }

    [Fact]
    public void Names_are_listed_in_order_of_first_appearance_with_arrays_by_name()
    {
        var read = InfixParser.Read("0.5*(sum(j, 3, v[j]*tanh(sum(k, 4, W[j,k]*x[k]))) - y)^2", Arrays);
        Assert.Equal(["v", "W", "x", "y"], read.Names);
    }

    [Fact]
    public void Undeclared_arrays_may_be_allowed_and_report_the_values_their_subscripts_take()
    {
        var read = InfixParser.Read("sum(k, 4, x[k + 1]*u[k]) + x[0] + M[1, 2]", new InfixNames(allowUndeclaredArrays: true));
        var x = read.Subscripted.Single(s => s.Name == "x");
        Assert.True(x.Indexed);
        Assert.Equal([0L], x.Min);
        Assert.Equal([4L], x.Max);
        var m = read.Subscripted.Single(s => s.Name == "M");
        Assert.False(m.Indexed);
        Assert.Equal([1L, 2L], m.Max);
    }

    [Theory]
    [InlineData("sum(j, 4, x[k])", "unknown index 'k' in a subscript", 13)]
    [InlineData("sum(j, 4, x[j + 1])", "subscript 'j + 1' of 'x' takes values 1 … 4, outside 0 … 3 (shape [4])", 13)]
    [InlineData("x[4]", "subscript '4' of 'x' is 4, outside 0 … 3", 3)]
    [InlineData("sum(j, 3, W[j])", "'W' has 2 dimensions (shape [3,4]) but 1 subscript is given", 11)]
    [InlineData("2*W", "'W' is an array of shape [3,4]: give its subscripts", 3)]
    [InlineData("sum(j, 3, j*v[j])", "index 'j' can only be used in a subscript", 11)]
    [InlineData("sum(j, 3, u[j])", "'u' is subscripted by index 'j' but is not a declared array", 11)]
    [InlineData("sum(j, 2.5, v[j])", "the count of sum must be a whole number, not '2.5'", 8)]
    [InlineData("sum(j, 0, v[j])", "the count of sum must be at least 1, not 0", 8)]
    [InlineData("sum(j, -3, v[j])", "the count of sum must be a whole number, not '-3'", 8)]
    [InlineData("sum(j, n, v[j])", "the count of sum must be a whole number, not 'n'", 8)]
    [InlineData("sum(j, 99999999999, v[j])", "the count of sum '99999999999' is too large", 8)]
    [InlineData("v[1.5]", "a subscript must be a whole number, not '1.5'", 3)]
    [InlineData("sum(j, 3, sum(j, 3, v[j]))", "index 'j' is already in use here", 15)]
    [InlineData("sum(3, v[0])", "sum takes an index name, a count and a body", 5)]
    [InlineData("sum(j, 3, sum(k, 3, W[j*k, 0]))", "a subscript must be affine in the indices", 24)]
    [InlineData("prod(j, 3, v[j]", "expected ')'", 16)]
    public void Mistakes_in_indexed_formulas_are_named_with_their_position(string formula, string message, int position)
    {
        var e = Assert.Throws<FormatException>(() => InfixParser.Parse(formula, Arrays));
        Assert.Contains(message, e.Message);
        Assert.Contains($"at position {position} of", e.Message);
    }

    [Fact]
    public void A_product_over_an_index_that_overflows_is_an_error_naming_it()
    {
        var e = Assert.Throws<FormatException>(() => InfixParser.Parse("prod(j, 300, 1e200)*a", Arrays));
        Assert.Contains("not a finite number at position 1", e.Message);
    }

    private static void AssertSame(Expr expected, Expr actual, string text)
    {
        Assert.True(expected.Equals(actual), $"{text} parses back as {InfixPrinter.Format(actual)}");
        Assert.True(actual.Equals(expected), $"{text} parses back as {InfixPrinter.Format(actual)}");
        Assert.Equal(expected.GetHashCode(), actual.GetHashCode());
    }
}
