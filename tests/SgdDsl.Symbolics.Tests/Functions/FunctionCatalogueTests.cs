namespace SgdDsl.Symbolics.Tests.Functions;

/// <summary>The catalogue's facts checked against the functions' values, so the analyses that read them can trust them.</summary>
public sealed class FunctionCatalogueTests
{
    private static readonly Expr X = Expr.Var("x");

    /// <summary>Up to 401 points across the domain, clipped to [−5, 5].</summary>
    private static IEnumerable<double> Grid(FunctionInfo f)
    {
        var (low, high) = (Math.Max(f.DomainLow, -5), Math.Min(f.DomainHigh, 5));
        for (var i = 0; i <= 400; i++) yield return low + (high - low) * i / 400;
    }

    [Fact]
    public void There_is_one_entry_per_function_in_enum_order()
    {
        Assert.Equal(Enum.GetValues<MathFunction>(), FunctionCatalogue.All.Select(f => f.Function));
    }

    [Fact]
    public void Every_function_may_be_called_by_its_own_name()
    {
        foreach (var f in FunctionCatalogue.All)
        {
            var spelling = Assert.Single(FunctionCatalogue.Named(f.Function.ToString(), f.Scope), s => s.Arity == 1);
            Assert.Equal(Expr.Apply(f.Function, X + 1), spelling.Build([X + 1]));
            Assert.Equal(f.Infix, spelling.Infix);
        }
    }

    [Fact]
    public void The_range_bound_and_monotonicity_hold_on_a_grid_over_the_domain()
    {
        foreach (var f in FunctionCatalogue.All)
        {
            var previous = double.NegativeInfinity;
            foreach (var x in Grid(f))
            {
                var y = f.Evaluate(x);
                Assert.False(double.IsNaN(y), $"{f.Function}({x}) is NaN inside its domain");
                Assert.True(y >= f.RangeLow, $"{f.Function}({x}) = {y} is below {f.RangeLow}");
                if (f.IsNonDecreasing) Assert.True(y >= previous, $"{f.Function} decreases at {x}");
                previous = y;
            }
        }
    }

    [Fact]
    public void The_range_bounds_are_attained_or_approached()
    {
        // A bound that is too low is sound but weak; each is the true infimum.
        Assert.Equal([0.0, 1.0, 0.0, 0.0, 0.0, -1.0], new[] { MathFunction.Exp, MathFunction.Cosh, MathFunction.LogCosh, MathFunction.Acosh, MathFunction.Acos, MathFunction.Tanh }
            .Select(f => FunctionCatalogue.Of(f).RangeLow));
        Assert.Equal(1.0, FunctionCatalogue.Of(MathFunction.Cosh).Evaluate(0));
        Assert.Equal(0.0, FunctionCatalogue.Of(MathFunction.Acos).Evaluate(1));
    }

    [Fact]
    public void A_lower_bound_of_the_argument_gives_one_of_a_non_decreasing_function()
    {
        Assert.Equal(0.0, FunctionCatalogue.Of(MathFunction.Tanh).LowerBound(0));
        Assert.Equal(0.0, FunctionCatalogue.Of(MathFunction.Log).LowerBound(1));
        Assert.Equal(double.NegativeInfinity, FunctionCatalogue.Of(MathFunction.Log).LowerBound(0));
        Assert.Equal(1.0, FunctionCatalogue.Of(MathFunction.Exp).LowerBound(0));
        Assert.Equal(0.0, FunctionCatalogue.Of(MathFunction.Exp).LowerBound(double.NegativeInfinity));
        Assert.Equal(0.0, FunctionCatalogue.Of(MathFunction.Acosh).LowerBound(-3)); // clipped to the domain
        Assert.Equal(1.0, FunctionCatalogue.Of(MathFunction.Cosh).LowerBound(2)); // not monotone: its range
    }

    [Fact]
    public void Exactly_the_functions_with_kinks_jumps_or_cusps_are_not_smooth()
    {
        Assert.Equal([MathFunction.Abs, MathFunction.Sign, MathFunction.Cbrt], FunctionCatalogue.All.Where(f => !f.IsSmooth).Select(f => f.Function));
        Assert.Equal(["Abs", "Sign", "Cbrt", "Max", "Min", "Relu"], FunctionCatalogue.Spellings.Where(s => !s.IsSmooth).Select(s => s.Name));
    }
}
