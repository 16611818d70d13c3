using SgdDsl.Symbolics.Tests.Support;

namespace SgdDsl.Symbolics.Tests.Calculus;

public sealed class EvaluatorTests
{
    /// <summary>The overflow-safe forms and the textbook ones are a few correctly rounded steps apart: 1e-14 relative.</summary>
    private const double Agreement = 1e-14;

    [Theory]
    [InlineData(-30.0)]
    [InlineData(-1.5)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(20.0)]
    public void Functions_agree_with_their_textbook_definitions_where_those_do_not_overflow(double x)
    {
        foreach (var f in Enum.GetValues<MathFunction>())
        {
            if (f == MathFunction.Log && x <= 0) continue;
            var expected = ReferenceEvaluator.Apply(f, x);
            // Absolute below 1: log(1 + e^x) and log cosh x lose relative accuracy near 0 in either form.
            Assert.True(Math.Abs(Evaluator.Apply(f, x) - expected) <= Agreement * Math.Max(1, Math.Abs(expected)), $"{f}({x})");
        }
    }

    [Fact]
    public void Sigmoid_softplus_and_logcosh_do_not_overflow()
    {
        Assert.Equal(0.0, Evaluator.Apply(MathFunction.Sigmoid, -1000));
        Assert.Equal(1.0, Evaluator.Apply(MathFunction.Sigmoid, 1000));
        Assert.Equal(1000.0, Evaluator.Apply(MathFunction.Softplus, 1000));
        Assert.Equal(0.0, Evaluator.Apply(MathFunction.Softplus, -1000));
        Assert.Equal(1000 - Math.Log(2), Evaluator.Apply(MathFunction.LogCosh, -1000));
        Assert.Equal(0.0, Evaluator.Apply(MathFunction.LogCosh, 0));
    }

    [Fact]
    public void Evaluates_each_node_kind()
    {
        var (x, y) = (Expr.Var("x"), Expr.Var("y"));
        var e = 0.5 * Expr.Pow(x * y - 1, 2) + Expr.Apply(MathFunction.Exp, y) / x;

        var value = Evaluator.Evaluate(e, new Dictionary<string, double> { ["x"] = 2, ["y"] = 3 });

        // Five correctly rounded operations on short numbers and one exp: agrees to a few ulps.
        Assert.Equal(0.5 * 25 + Math.Exp(3) / 2, value, 1e-13);
    }

    [Fact]
    public void A_variable_without_a_value_is_a_key_not_found_exception()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Evaluator.Evaluate(Expr.Var("theta"), new Dictionary<string, double>()));

        Assert.Contains("'theta'", e.Message);
    }
}
