namespace SgdDsl.Symbolics.Tests.Expressions;

/// <summary>The canonical form the factories build: identities, folding, collection and what must not simplify.</summary>
public sealed class SimplificationTests
{
    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");
    private static readonly Expr Z = Expr.Var("z");

    private static double At(Expr e, double x, double y = 0) =>
        Evaluator.Evaluate(e, new Dictionary<string, double> { ["x"] = x, ["y"] = y });

    [Fact]
    public void A_square_is_a_square_however_it_is_associated_or_signed()
    {
        var r = X - Y;
        var square = Expr.Pow(r, Expr.Const(2));
        Assert.Equal(0.5 * square, 0.5 * r * r);
        Assert.Equal(0.5 * square, r * (r * 0.5));
        Assert.Equal(-1 * square, (Y - X) * (X - Y));
        Assert.IsType<Power>((Y - X) * (Y - X));
        Assert.Equal(0.25 * Expr.Pow(r, Expr.Const(3)), (0.5 * r) * (0.5 * r) * r);
    }

    [Fact]
    public void Sums_with_an_inexact_ratio_stay_apart()
    {
        // 3x − 3y = 3(x − y) would need a division by 3, which is not exact: the product keeps both factors.
        var product = (3 * X - 3 * Y) * (X - Y);
        Assert.IsType<Product>(product);
        Assert.Equal(2, ((Product)product).Factors.Count);
        Assert.Equal(3 * (2.0 - 0.5) * (2.0 - 0.5), At(product, 2.0, 0.5), 1e-15);
    }

    [Fact]
    public void Adding_zero_is_the_identity()
    {
        Assert.Same(X, X + 0);
        Assert.Same(X, 0 + X);
    }

    [Fact]
    public void Multiplying_by_one_is_the_identity()
    {
        Assert.Same(X, X * 1);
        Assert.Same(X, 1 * X);
    }

    [Fact]
    public void Multiplying_by_zero_is_zero()
    {
        Assert.Equal(Expr.Zero, X * 0);
        Assert.Equal(Expr.Zero, Expr.Multiply(X, Y, Expr.Zero, Expr.Apply(MathFunction.Exp, X)));
    }

    [Fact]
    public void An_expression_minus_itself_is_zero()
    {
        Assert.Equal(Expr.Zero, X - X);
        var e = Expr.Apply(MathFunction.Sin, X * Y) + Expr.Pow(X, 0.5);
        Assert.Equal(Expr.Zero, e - e);
    }

    [Fact]
    public void An_expression_over_itself_is_one()
    {
        Assert.Equal(Expr.One, X / X);
        var e = X + Expr.Apply(MathFunction.Log, Y);
        Assert.Equal(Expr.One, e / e);
    }

    [Fact]
    public void Powers_of_a_common_base_multiply_by_adding_exponents()
    {
        Assert.Equal(Expr.Pow(X, 5), Expr.Pow(X, 2) * Expr.Pow(X, 3));
        Assert.Equal(Expr.Pow(X, 2), X * X);
        Assert.Equal(Expr.Pow(X, Y + Z), Expr.Pow(X, Y) * Expr.Pow(X, Z));
        Assert.Equal(Expr.Pow(X, -0.5), Expr.Pow(X, 0.5) / X);
    }

    [Fact]
    public void Powers_that_collapse_onto_another_base_merge_with_it()
    {
        // (x^−2)^y · (x^−2)^(−y−1) = (x^−2)^−1 = x², which must then merge with x³.
        var product = Expr.Multiply(Expr.Pow(Expr.Pow(X, -2), Y), Expr.Pow(Expr.Pow(X, -2), -Y - 1), Expr.Pow(X, 3));

        Assert.Equal(Expr.Pow(X, 5), product);
    }

    [Fact]
    public void Like_terms_are_collected()
    {
        var sum = 2 * X + 3 * X;

        var product = Assert.IsType<Product>(sum);
        Assert.Equal(5.0, product.Coefficient);
        Assert.Equal([X], product.Factors);
        Assert.Equal(2 * X * Y, X * Y + Y * X);
    }

    [Fact]
    public void Like_terms_that_cancel_leave_only_the_constant()
    {
        Assert.Equal(Expr.Const(1), X + 1 - X);
    }

    [Fact]
    public void Constant_arithmetic_is_folded()
    {
        Assert.Equal(Expr.Const(14), Expr.Const(2) + Expr.Const(3) * 4);
        Assert.Equal(Expr.Const(0.25), Expr.Const(1) / 4);
        Assert.Equal(Expr.Const(1024), Expr.Pow(2, 10));
        Assert.Equal(Expr.Const(Math.Sin(1)), Expr.Apply(MathFunction.Sin, 1));
    }

    [Fact]
    public void Constant_folding_keeps_results_that_are_not_finite_symbolic()
    {
        // log 0 = −∞ and 0^−1 = ∞ are not constants the engine can hold.
        Assert.IsType<FunctionCall>(Expr.Apply(MathFunction.Log, 0));
        Assert.IsType<Power>(Expr.Pow(0, -1));
        Assert.IsType<Power>(Expr.Pow(-8, 0.5));
    }

    [Fact]
    public void Exp_of_zero_is_one()
    {
        Assert.Equal(Expr.One, Expr.Apply(MathFunction.Exp, 0));
        Assert.Equal(Expr.One, Expr.Apply(MathFunction.Exp, X - X));
    }

    [Fact]
    public void Log_of_exp_and_exp_of_log_are_the_argument()
    {
        var e = X * Y + 1;
        Assert.Equal(e, Expr.Apply(MathFunction.Log, Expr.Apply(MathFunction.Exp, e)));
        Assert.Equal(e, Expr.Apply(MathFunction.Exp, Expr.Apply(MathFunction.Log, e)));
    }

    [Fact]
    public void A_power_of_a_power_with_integer_outer_exponent_multiplies_exponents()
    {
        Assert.Equal(Expr.Pow(X, 6), Expr.Pow(Expr.Pow(X, 2), 3));
        Assert.Equal(Expr.Pow(X, -1.5), Expr.Pow(Expr.Pow(X, 0.5), -3));
        Assert.Equal(X, Expr.Pow(Expr.Pow(X, 0.5), 2));
    }

    [Fact]
    public void The_square_root_of_a_square_is_not_simplified_to_the_base()
    {
        // √(x²) = |x|, not x: the rewrite (b^a)^n = b^(a·n) holds only for integer n.
        var root = Expr.Pow(Expr.Pow(X, 2), 0.5);

        var power = Assert.IsType<Power>(root);
        Assert.Equal(Expr.Pow(X, 2), power.Base);
        Assert.Equal(Expr.Const(0.5), power.Exponent);
        Assert.Equal(3.0, At(root, -3));
    }

    [Fact]
    public void A_non_integer_power_of_a_product_is_not_split()
    {
        // √(x·y) ≠ √x·√y when both are negative.
        var root = Expr.Pow(X * Y, 0.5);

        Assert.Equal(X * Y, Assert.IsType<Power>(root).Base);
        Assert.Equal(2.0, At(root, -1, -4));
    }

    [Fact]
    public void An_integer_power_of_a_product_distributes_over_the_factors()
    {
        Assert.Equal(4 * Expr.Pow(X, 2) * Expr.Pow(Y, 2), Expr.Pow(2 * X * Y, 2));
        Assert.Equal(0.5 * Expr.Pow(X, -1), Expr.Pow(2 * X, -1));
    }

    [Fact]
    public void A_constant_times_a_sum_is_distributed()
    {
        var sum = Assert.IsType<Sum>(2 * (X + Y));

        Assert.Equal(0.0, sum.Offset);
        Assert.Equal([2 * X, 2 * Y], sum.Terms);
        Assert.Equal(2 * X + 2, 2 * (X + 1));
        Assert.Equal(-X - Y, -(X + Y));
    }

    [Fact]
    public void A_sum_times_a_non_constant_is_not_expanded()
    {
        var product = Assert.IsType<Product>(X * (Y + 1));

        Assert.Equal([X, Y + 1], product.Factors);
    }

    [Fact]
    public void Negative_zero_is_zero()
    {
        Assert.Same(Expr.Zero, Expr.Const(-0.0));
        Assert.Equal(Expr.Zero, -Expr.Zero);
    }

    [Fact]
    public void Operators_are_the_factories()
    {
        Assert.Equal(Expr.Add(X, Expr.Multiply(Expr.MinusOne, Y)), X - Y);
        Assert.Equal(Expr.Multiply(X, Expr.Pow(Y, Expr.MinusOne)), X / Y);
        Assert.Equal(Expr.Multiply(Expr.MinusOne, X), -X);
        Assert.Equal(Expr.Const(2.5), (Expr)2.5);
    }

    [Fact]
    public void Sum_terms_are_ordered_by_descending_degree_then_by_monomial()
    {
        var sum = Assert.IsType<Sum>(Y + 3 + Expr.Pow(X, 2) + X * Y * Z + X);

        Assert.Equal([X * Y * Z, Expr.Pow(X, 2), X, Y], sum.Terms);
        Assert.Equal(3.0, sum.Offset);
    }

    [Fact]
    public void Product_factors_are_ordered_by_base()
    {
        var product = Assert.IsType<Product>(Z * Expr.Pow(Y, 2) * X * 0.5);

        Assert.Equal(0.5, product.Coefficient);
        Assert.Equal([X, Expr.Pow(Y, 2), Z], product.Factors);
        Assert.Equal([Expr.Const(0.5), X, Expr.Pow(Y, 2), Z], product.Children);
    }
}
