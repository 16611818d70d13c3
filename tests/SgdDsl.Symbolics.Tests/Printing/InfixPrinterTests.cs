namespace SgdDsl.Symbolics.Tests.Printing;

public sealed class InfixPrinterTests
{
    private static readonly Expr A = Expr.Var("a");
    private static readonly Expr B = Expr.Var("b");
    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");

    public static TheoryData<string, Expr> Examples => new()
    {
        { "0.5*(a*b*x - y)^2", 0.5 * Expr.Pow(A * B * X - Y, 2) },
        { "x/y", X / Y },
        { "2*x/(a*y)", 2 * X / (A * Y) },
        { "-x/y", -X / Y },
        { "-(y + 1)/x", Expr.Multiply(Expr.MinusOne, Y + 1, Expr.Pow(X, -1)) },
        { "2*a*(y + 1)/x", Expr.Multiply(2, Y + 1, A, Expr.Pow(X, -1)) },
        { "1/(x + 1)", 1 / (X + 1) },
        { "1/x^2", Expr.Pow(X, -2) },
        { "1 - sigmoid(a)", 1 - Expr.Apply(MathFunction.Sigmoid, A) },
        { "x - 2*y", X - 2 * Y },
        { "-x - 1", -X - 1 },
        { "x^2 - x + 0.5", Expr.Pow(X, 2) - X + 0.5 },
        { "y - 1/x", Y - 1 / X },
        { "sqrt(x + 1)", Expr.Pow(X + 1, 0.5) },
        { "1/sqrt(x)", Expr.Pow(X, -0.5) },
        { "x^1.5", Expr.Pow(X, 1.5) },
        { "x^(y + 1)", Expr.Pow(X, Y + 1) },
        { "x^(-y)", Expr.Pow(X, -Y) },
        { "x^(y^2)", Expr.Pow(X, Expr.Pow(Y, 2)) },
        { "(-2)^x", Expr.Pow(-2, X) },
        { "a*sqrt(x*y)", Expr.Pow(X * Y, 0.5) * A },
        { "(x*y)^a", Expr.Pow(X * Y, A) },
        { "(sqrt(x))^y", Expr.Pow(Expr.Pow(X, 0.5), Y) },
        { "(1/x)^y", Expr.Pow(1 / X, Y) },
        { "exp(-x)*(y + 1)", Expr.Apply(MathFunction.Exp, -X) * (Y + 1) },
        { "logcosh(x - y)", Expr.Apply(MathFunction.LogCosh, X - Y) },
        { "cosh(x)*sinh(y)", Expr.Apply(MathFunction.Cosh, X) * Expr.Apply(MathFunction.Sinh, Y) },
        { "asinh(x) - acosh(y + 1)", Expr.Apply(MathFunction.Asinh, X) - Expr.Apply(MathFunction.Acosh, Y + 1) },
        { "atanh(0.5*x) + asin(x) + acos(y)", Expr.Apply(MathFunction.Atanh, X / 2) + Expr.Apply(MathFunction.Asin, X) + Expr.Apply(MathFunction.Acos, Y) },
        { "1/cbrt(x)^2", Expr.Pow(Expr.Apply(MathFunction.Cbrt, X), -2) },
        // log10 x is log x/log 10: the constant 1/log 10 is printed, and parses back bit for bit.
        { "0.43429448190325176*log(x)", Expr.Apply(MathFunction.Log, X) / Math.Log(10) },
        { "-3", Expr.Const(-3) },
        { "0.1", Expr.Const(0.1) },
        { "1E-300", Expr.Const(1e-300) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Prints_with_the_fewest_parentheses_precedence_needs(string text, Expr e)
    {
        Assert.Equal(text, InfixPrinter.Format(e));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Printed_text_parses_back_to_the_same_expression(string text, Expr e)
    {
        Assert.Equal(e, InfixParser.Parse(text));
    }

    [Fact]
    public void ToString_is_the_infix_text()
    {
        var e = 0.5 * Expr.Pow(A * B * X - Y, 2);

        Assert.Equal(InfixPrinter.Format(e), e.ToString());
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0 / 3)]
    [InlineData(1e-300)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(-2.5e17)]
    public void Constants_round_trip_bit_for_bit(double value)
    {
        var back = Assert.IsType<Constant>(InfixParser.Parse(InfixPrinter.Format(Expr.Const(value))));

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back.Value));
    }

    [Fact]
    public void Printing_up_to_a_length_gives_the_start_of_a_long_formula_and_all_of_a_short_one()
    {
        // h_k = tanh(a·h_{k−1} + x): each level's derivative prints the levels below it, so the text grows like k².
        Expr h = X;
        for (var k = 0; k < 60; k++) h = Expr.Apply(MathFunction.Tanh, A * h + X);
        var derivative = Differentiator.Differentiate(h, "a");
        var full = InfixPrinter.Format(derivative);
        var start = InfixPrinter.FormatUpTo(derivative, 1000);

        Assert.True(full.Length > 10000, $"{full.Length} characters");
        Assert.InRange(start.Length, 1001, 1200);
        Assert.StartsWith(start, full);
        Assert.Equal(InfixPrinter.Format(A * B - Y), InfixPrinter.FormatUpTo(A * B - Y, 1000));
        Assert.StartsWith(LatexPrinter.FormatUpTo(derivative, 1000), LatexPrinter.Format(derivative));
    }
}
