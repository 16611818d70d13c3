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
            if (double.IsNaN(expected))
            {
                Assert.True(double.IsNaN(Evaluator.Apply(f, x)), $"{f}({x}) is outside its domain");
                continue;
            }

            // Absolute below 1: log(1 + e^x) and log cosh x lose relative accuracy near 0 in either form.
            Assert.True(Math.Abs(Evaluator.Apply(f, x) - expected) <= Agreement * Math.Max(1, Math.Abs(expected)), $"{f}({x})");
        }
    }

    /// <summary>
    /// netstandard2.0 has no Math.Asinh, Acosh, Atanh or Cbrt, so the engine computes them by formulas
    /// (log1p with Kahan's correction, one Newton step for ∛); over 200,000 points of 10⁻²⁰ … 10²⁰ they
    /// were within 3 ulps of System.Math. 1e-15 relative allows 4.5 ulps. The others call System.Math.
    /// </summary>
    private const double SystemMathAgreement = 1e-15;

    public static TheoryData<MathFunction, double[]> PointsInDomains => new()
    {
        { MathFunction.Cosh, [-20, -3, -1e-8, 0, 0.5, 2, 30] },
        { MathFunction.Sinh, [-20, -3, -1e-8, 0, 0.5, 2, 30] },
        { MathFunction.Asinh, [-1e300, -1e9, -3, -1e-10, 0, 1e-300, 0.2, 2.4, 1e8, 1e300] },
        { MathFunction.Acosh, [1, 1 + 1e-12, 1.0000000003785672, 1.5, 3, 1e8, 1e300] },
        { MathFunction.Atanh, [-1, -0.999, -0.5, -1e-10, 0, 1e-6, 0.0615, 0.7, 1] },
        { MathFunction.Asin, [-1, -0.7, -1e-9, 0, 0.3, 0.99, 1] },
        { MathFunction.Acos, [-1, -0.7, -1e-9, 0, 0.3, 0.99, 1] },
        { MathFunction.Cbrt, [-1e300, -27, -0.0131, -5e-324, 0, 1e-300, 8, 2, 1.05e154, double.MaxValue] },
    };

    [Theory]
    [MemberData(nameof(PointsInDomains))]
    public void Functions_agree_with_system_math(MathFunction f, double[] points)
    {
        foreach (var x in points)
        {
            var expected = ReferenceEvaluator.Apply(f, x);
            var actual = Evaluator.Apply(f, x);
            if (double.IsInfinity(expected)) Assert.Equal(expected, actual);
            else Assert.True(Math.Abs(actual - expected) <= SystemMathAgreement * Math.Abs(expected), $"{f}({x:R}) = {actual:R}, System.Math {expected:R}");
        }
    }

    [Theory]
    [InlineData(MathFunction.Acosh, 0.999)]
    [InlineData(MathFunction.Atanh, 1.001)]
    [InlineData(MathFunction.Atanh, -1.001)]
    [InlineData(MathFunction.Asin, 1.001)]
    [InlineData(MathFunction.Acos, -1.001)]
    [InlineData(MathFunction.Log, -0.001)]
    public void Outside_its_domain_a_function_is_nan_as_in_system_math(MathFunction f, double x)
    {
        Assert.True(double.IsNaN(ReferenceEvaluator.Apply(f, x)));
        Assert.True(double.IsNaN(Evaluator.Apply(f, x)));
        var info = FunctionCatalogue.Of(f);
        Assert.True(x < info.DomainLow || x > info.DomainHigh, $"{x} is outside [{info.DomainLow}, {info.DomainHigh}]");
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
