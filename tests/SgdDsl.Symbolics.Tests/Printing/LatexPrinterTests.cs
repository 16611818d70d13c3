namespace SgdDsl.Symbolics.Tests.Printing;

public sealed class LatexPrinterTests
{
    private static readonly Expr A = Expr.Var("a");
    private static readonly Expr B = Expr.Var("b");
    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");

    public static TheoryData<string, Expr> Examples => new()
    {
        { @"0.5 \left(a b x - y\right)^{2}", 0.5 * Expr.Pow(A * B * X - Y, 2) },
        { @"\frac{x}{y}", X / Y },
        { @"\frac{2 x}{a y}", 2 * X / (A * Y) },
        { @"-\frac{x}{y}", -X / Y },
        { @"\frac{1}{x + 1}", 1 / (X + 1) },
        { @"\frac{x + 1}{y}", (X + 1) / Y },
        { @"\frac{a \left(x + 1\right)}{y}", (X + 1) * A / Y },
        { @"\frac{2}{\left(x + 1\right)^{2}}", 2 / Expr.Pow(X + 1, 2) },
        { @"0.6931471805599453 \cdot 2^{x}", Math.Log(2) * Expr.Pow(2, X) },
        { @"1 - \sigma\left(a\right)", 1 - Expr.Apply(MathFunction.Sigmoid, A) },
        { @"x - 2 y", X - 2 * Y },
        { @"\sqrt{x + 1}", Expr.Pow(X + 1, 0.5) },
        { @"\frac{1}{\sqrt{x}}", Expr.Pow(X, -0.5) },
        { @"x^{y + 1}", Expr.Pow(X, Y + 1) },
        { @"\exp\left(-x\right)", Expr.Apply(MathFunction.Exp, -X) },
        { @"\arctan\left(x\right)", Expr.Apply(MathFunction.Atan, X) },
        { @"\log\cosh\left(x\right)", Expr.Apply(MathFunction.LogCosh, X) },
        { @"\operatorname{softplus}\left(x\right)", Expr.Apply(MathFunction.Softplus, X) },
        { @"\cosh\left(x\right) \sinh\left(y\right)", Expr.Apply(MathFunction.Cosh, X) * Expr.Apply(MathFunction.Sinh, Y) },
        { @"\operatorname{arsinh}\left(x\right)", Expr.Apply(MathFunction.Asinh, X) },
        { @"\operatorname{arcosh}\left(x + 1\right)", Expr.Apply(MathFunction.Acosh, X + 1) },
        { @"\operatorname{artanh}\left(x\right)", Expr.Apply(MathFunction.Atanh, X) },
        { @"\arcsin\left(x\right) + \arccos\left(y\right)", Expr.Apply(MathFunction.Asin, X) + Expr.Apply(MathFunction.Acos, Y) },
        { @"\sqrt[3]{x + 1}", Expr.Apply(MathFunction.Cbrt, X + 1) },
        { @"\frac{0.3333333333333333}{\sqrt[3]{x}^{2}}", Expr.Pow(Expr.Apply(MathFunction.Cbrt, X), -2) / 3 },
        { @"0.43429448190325176 \log\left(x\right)", Expr.Apply(MathFunction.Log, X) / Math.Log(10) },
        { @"\mathit{theta} \mathit{w\_1}", Expr.Var("theta") * Expr.Var("w_1") },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Prints_standard_latex(string latex, Expr e)
    {
        Assert.Equal(latex, LatexPrinter.Format(e));
    }

    [Fact]
    public void Every_function_has_a_latex_name()
    {
        foreach (var f in Enum.GetValues<MathFunction>())
            Assert.StartsWith(@"\", FunctionCatalogue.Of(f).Latex);
    }
}
