using CsCheck;
using SgdDsl.Symbolics.Tests.Support;

namespace SgdDsl.Symbolics.Tests.Calculus;

public sealed class DifferentiationTests
{
    /// <summary>
    /// Allowed |central difference − symbolic| / max(1, |symbolic|). With h = 1e-5·max(1, |x|) ≤ 3e-5,
    /// truncation h²|f'''|/6 ≤ 1.5e-8 and roundoff ~4ε|f|/h ≤ 5e-9, since every domain below keeps
    /// |f|, |f'''| ≤ 100 (checked by <see cref="Every_rule_domain_keeps_the_third_and_fourth_derivatives_small"/>);
    /// 1e-6 leaves a margin of 50, and a wrong rule is off by O(1). For second derivatives f′ takes the
    /// place of f: |f′| ≤ 100 and |f⁗| ≤ 1000 (h ≤ 4e-5 on these domains) give truncation ≤ 2.7e-7 and
    /// roundoff ≤ 1e-8, a margin of 3.
    /// </summary>
    private const double FiniteDifferenceTolerance = 1e-6;

    /// <summary>Bound on |f|, |f′| and |f'''| assumed by <see cref="FiniteDifferenceTolerance"/>.</summary>
    private const double DerivativeBound = 100;

    /// <summary>Bound on |f⁗| assumed by <see cref="FiniteDifferenceTolerance"/> for second derivatives.</summary>
    private const double FourthDerivativeBound = 1000;

    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");

    private static Expr F(MathFunction f, Expr x) => Expr.Apply(f, x);

    private static Expr Exp(Expr x) => F(MathFunction.Exp, x);

    private static Expr Log(Expr x) => F(MathFunction.Log, x);

    private static Expr Sin(Expr x) => F(MathFunction.Sin, x);

    private static Expr Cos(Expr x) => F(MathFunction.Cos, x);

    private static Expr Sigmoid(Expr x) => F(MathFunction.Sigmoid, x);

    private static Expr Pow(Expr b, Expr e) => Expr.Pow(b, e);

    /// <summary>What a loss's <c>Math.Name(x)</c> stands for.</summary>
    private static Expr Spelled(string name, Expr x) => FunctionCatalogue.Named(name, FunctionScope.Math).Single(s => s.Arity == 1).Build([x]);

    /// <summary>A rule, the expression it is checked on, and the domain of x and y where it is sampled.</summary>
    public sealed record Rule(Expr Function, string Variable, Expr ClosedForm, (double Low, double High) X, (double Low, double High) Y);

    private static Rule R(Expr f, Expr closedForm, double low = -2, double high = 2, string variable = "x", double yLow = 1, double yHigh = 2) =>
        new(f, variable, closedForm, (low, high), (yLow, yHigh));

    /// <summary>Every rule, with the closed form the symbolic derivative must equal structurally.</summary>
    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["constant"] = R(Expr.Const(3), Expr.Zero),
        ["the variable itself"] = R(X, Expr.One),
        ["another variable"] = R(Y, Expr.Zero),
        ["sum"] = R(X * X + Sin(X) + 3, 2 * X + Cos(X)),
        ["product"] = R(X * Sin(X) * Exp(X), Sin(X) * Exp(X) + X * Cos(X) * Exp(X) + X * Sin(X) * Exp(X), -1.5, 1.5),
        ["constant coefficient"] = R(5 * Sin(X), 5 * Cos(X)),
        ["integer power"] = R(Pow(X, 3), 3 * Pow(X, 2)),
        ["negative integer power"] = R(Pow(X, -2), -2 * Pow(X, -3), 1, 3),
        ["half-integer power"] = R(Pow(X, 2.5), 2.5 * Pow(X, 1.5), 0.5, 3),
        ["power of a sum"] = R(Pow(X * X + 1, 3), 6 * X * Pow(X * X + 1, 2), -0.7, 0.7),
        ["sqrt"] = R(Pow(X, 0.5), 0.5 / Pow(X, 0.5), 0.5, 3),
        ["variable exponent, by the base"] = R(Pow(X, Y), Y * Pow(X, Y - 1), 1, 3, yLow: -2, yHigh: 2),
        ["variable exponent, by the exponent"] = R(Pow(X, Y), Pow(X, Y) * Log(X), 1, 3, "y", -2, 2),
        ["power of a power"] = R(Log(Pow(Pow(X, -2), Y)), -2 * Y / X, 1, 2),
        ["variable base and exponent"] = R(Pow(X, X), Pow(X, X) * (Log(X) + 1), 0.5, 2),
        ["constant base, variable exponent"] = R(Pow(2, X), Math.Log(2) * Pow(2, X)),
        ["exp"] = R(Exp(X), Exp(X)),
        ["log"] = R(Log(X), 1 / X, 0.5, 3),
        ["sin"] = R(Sin(X), Cos(X), -3, 3),
        ["cos"] = R(Cos(X), -Sin(X), -3, 3),
        ["tan"] = R(F(MathFunction.Tan, X), 1 + Pow(F(MathFunction.Tan, X), 2), -1, 1),
        ["tanh"] = R(F(MathFunction.Tanh, X), 1 - Pow(F(MathFunction.Tanh, X), 2), -3, 3),
        ["atan"] = R(F(MathFunction.Atan, X), 1 / (1 + X * X), -3, 3),
        ["sigmoid"] = R(Sigmoid(X), Sigmoid(X) * (1 - Sigmoid(X)), -4, 4),
        ["softplus"] = R(F(MathFunction.Softplus, X), Sigmoid(X), -4, 4),
        ["logcosh"] = R(F(MathFunction.LogCosh, X), F(MathFunction.Tanh, X), -3, 3),
        ["cosh"] = R(F(MathFunction.Cosh, X), F(MathFunction.Sinh, X), -3, 3),
        ["sinh"] = R(F(MathFunction.Sinh, X), F(MathFunction.Cosh, X), -3, 3),
        ["asinh"] = R(F(MathFunction.Asinh, X), Pow(X * X + 1, -0.5), -3, 3),
        ["acosh"] = R(F(MathFunction.Acosh, X), Pow(X * X - 1, -0.5), 1.5, 4),
        ["atanh"] = R(F(MathFunction.Atanh, X), 1 / (1 - X * X), -0.6, 0.6),
        ["asin"] = R(F(MathFunction.Asin, X), Pow(1 - X * X, -0.5), -0.6, 0.6),
        ["acos"] = R(F(MathFunction.Acos, X), -Pow(1 - X * X, -0.5), -0.6, 0.6),
        ["cbrt"] = R(F(MathFunction.Cbrt, X), Pow(F(MathFunction.Cbrt, X), -2) / 3, 0.5, 3),
        ["cbrt of a negative number"] = R(F(MathFunction.Cbrt, X), Pow(F(MathFunction.Cbrt, X), -2) / 3, -3, -0.5),
        ["log10"] = R(Spelled("Log10", X), 1 / (Math.Log(10) * X), 0.5, 3),
        ["log2"] = R(Spelled("Log2", X), 1 / (Math.Log(2) * X), 0.5, 3),
        ["log cosh written as log of cosh"] = R(Log(F(MathFunction.Cosh, X)), F(MathFunction.Tanh, X), -3, 3),
        ["quotient"] = R(Sin(X) / (1 + X * X), Cos(X) / (1 + X * X) - 2 * X * Sin(X) / Pow(1 + X * X, 2), -3, 3),
        ["quotient, by the denominator"] = R(X / Y, -X / (Y * Y), -2, 2, "y", 1, 3),
        ["chain rule"] = R(Sin(X * X), 2 * X * Cos(X * X), -1.5, 1.5),
        ["nested chain rule"] = R(
            Log(1 + Pow(Sigmoid(3 * X), 2)),
            6 * Pow(Sigmoid(3 * X), 2) * (1 - Sigmoid(3 * X)) / (1 + Pow(Sigmoid(3 * X), 2)),
            -2, 2),
    };

    public static TheoryData<string> RuleNames => new(Rules.Keys);

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Derivative_matches_central_difference_at_random_points(string rule)
    {
        var r = Rules[rule];
        var d = Differentiator.Differentiate(r.Function, r.Variable);
        Gen.Select(Gen.Double[r.X.Low, r.X.High], Gen.Double[r.Y.Low, r.Y.High]).Sample((x, y) =>
        {
            var at = new Dictionary<string, double> { ["x"] = x, ["y"] = y };
            var symbolic = Evaluator.Evaluate(d, at);
            var numeric = FiniteDifference.Partial(r.Function, r.Variable, at);
            Assert.True(
                Math.Abs(numeric - symbolic) <= FiniteDifferenceTolerance * Math.Max(1, Math.Abs(symbolic)),
                $"{rule}: d/d{r.Variable} {r.Function} = {d} gives {symbolic:R} at x={x:R}, y={y:R}; central difference {numeric:R}");
        }, iter: 12, threads: 1);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Derivative_equals_the_known_closed_form(string rule)
    {
        var r = Rules[rule];
        Assert.Equal(r.ClosedForm, Differentiator.Differentiate(r.Function, r.Variable));
    }

    /// <summary>
    /// The second derivative against central differences of the symbolic first derivative: the same
    /// tolerance, with f′ in the place of f (see <see cref="FiniteDifferenceTolerance"/>).
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Second_derivative_matches_central_difference_of_the_first(string rule)
    {
        var r = Rules[rule];
        var first = Differentiator.Differentiate(r.Function, r.Variable);
        var second = Differentiator.Differentiate(first, r.Variable);
        Gen.Select(Gen.Double[r.X.Low, r.X.High], Gen.Double[r.Y.Low, r.Y.High]).Sample((x, y) =>
        {
            var at = new Dictionary<string, double> { ["x"] = x, ["y"] = y };
            var symbolic = Evaluator.Evaluate(second, at);
            var numeric = FiniteDifference.Partial(first, r.Variable, at);
            Assert.True(
                Math.Abs(numeric - symbolic) <= FiniteDifferenceTolerance * Math.Max(1, Math.Abs(symbolic)),
                $"{rule}: d²/d{r.Variable}² {r.Function} = {second} gives {symbolic:R} at x={x:R}, y={y:R}; central difference {numeric:R}");
        }, iter: 12, threads: 1);
    }

    /// <summary>Guards the premise of <see cref="FiniteDifferenceTolerance"/> on a grid over each domain, for f and for f′.</summary>
    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Every_rule_domain_keeps_the_third_and_fourth_derivatives_small(string rule)
    {
        var r = Rules[rule];
        Expr D(Expr e) => Differentiator.Differentiate(e, r.Variable);
        var first = D(r.Function);
        var third = D(D(first));
        var fourth = D(third);
        for (var i = 0; i <= 40; i++)
        for (var j = 0; j <= 10; j++)
        {
            var at = new Dictionary<string, double>
            {
                ["x"] = r.X.Low + (r.X.High - r.X.Low) * i / 40,
                ["y"] = r.Y.Low + (r.Y.High - r.Y.Low) * j / 10,
            };
            foreach (var (e, bound) in new[] { (r.Function, DerivativeBound), (first, DerivativeBound), (third, DerivativeBound), (fourth, FourthDerivativeBound) })
                Assert.True(Math.Abs(Evaluator.Evaluate(e, at)) <= bound, $"{rule}: |{e}| > {bound} at x={at["x"]:R}, y={at["y"]:R}");
        }
    }

    [Fact]
    public void Gradient_lists_the_partial_derivatives_in_the_order_of_the_variables()
    {
        var g = Differentiator.Gradient(X * Y + Y * Y, ["x", "y", "z"]);

        Assert.Equal([Y, X + 2 * Y, Expr.Zero], g);
    }

    [Fact]
    public void Derivative_of_the_squared_residual_is_the_residual_times_the_inner_derivative()
    {
        // The textbook least-squares loss: ∂/∂a ½(a·b·x − y)² = (a·b·x − y)·b·x.
        var (a, b) = (Expr.Var("a"), Expr.Var("b"));
        var residual = a * b * X - Y;

        Assert.Equal(residual * b * X, Differentiator.Differentiate(0.5 * Pow(residual, 2), "a"));
    }

    [Fact]
    public void Derivative_of_a_constant_sum_drops_the_offset()
    {
        Assert.Equal(Expr.One, Differentiator.Differentiate(X + 7, "x"));
    }

    /// <summary>
    /// d/dx sinⁿ(x) = Π_k cos(s_k) with s_k = sinᵏ(x), one product built once (taking the chain a call at a time
    /// rebuilt a growing product at each level, and comparing its factors walked their chains: cubic, minutes at
    /// n = 1,000). The second derivative Σ_k −tan(s_k)·s_k′ times that, s_k′ = Π_(j&lt;k) cos(s_j), has n terms of up
    /// to 2n factors, quadratic by nature; it is checked at the depth a formula may nest (<see cref="Nesting.MaxDepth"/>).
    /// 1e-9 relative: both sides are n-term sums and products of values with rounding ε each.
    /// </summary>
    [Theory]
    [InlineData(1000, false)]
    [InlineData(Nesting.MaxDepth, true)]
    public void A_chain_of_calls_has_one_product_of_one_factor_per_call_as_its_derivative(int depth, bool secondDerivative)
    {
        var e = X;
        for (var k = 0; k < depth; k++) e = Sin(e);
        var first = Differentiator.Differentiate(e, "x");

        Assert.Equal(depth, Assert.IsType<Product>(first).Factors.Count);
        var x = 0.7;
        double s = x, slope = 1, curvature = 0;
        for (var k = 0; k < depth; k++)
        {
            curvature = curvature * Math.Cos(s) - slope * slope * Math.Sin(s);
            slope *= Math.Cos(s);
            s = Math.Sin(s);
        }

        var at = new Dictionary<string, double> { ["x"] = x };
        Assert.Equal(slope, Evaluator.Evaluate(first, at), 1e-9 * Math.Abs(slope));
        if (secondDerivative)
            Assert.Equal(curvature, Evaluator.Evaluate(Differentiator.Differentiate(first, "x"), at), 1e-9 * Math.Abs(curvature));
    }
}
