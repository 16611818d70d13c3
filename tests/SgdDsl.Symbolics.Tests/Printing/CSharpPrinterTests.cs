using System.Globalization;
using SgdDsl.Symbolics.Tests.Support;

namespace SgdDsl.Symbolics.Tests.Printing;

public sealed class CSharpPrinterTests
{
    private const string Math = "global::System.Math";
    private const string Dsl = "global::SgdDsl.Dsl";

    private static readonly Expr A = Expr.Var("a");
    private static readonly Expr B = Expr.Var("b");
    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");

    private static readonly string[] Parameters = ["a", "b", "x", "y"];

    private static string Print(Expr e) => new CSharpPrinter(v => v.Name, new Dictionary<Expr, string>()).Print(e);

    public static TheoryData<string, Expr> Examples => new()
    {
        { $"0.5 * {Dsl}.Sq(a * b * x - y)", 0.5 * Expr.Pow(A * B * X - Y, 2) },
        { "x / y", X / Y },
        { "2.0 * x / (a * y)", 2 * X / (A * Y) },
        { "-x / y", -X / Y },
        { "1.0 / (x + 1.0)", 1 / (X + 1) },
        { "1.0 / (x * x)", Expr.Pow(X, -2) },
        { "a / (x * x * x)", A / Expr.Pow(X, 3) },
        { "a / (x * x * y)", A / (Expr.Pow(X, 2) * Y) },
        { $"1.0 / {Dsl}.Sq(x + 1.0)", Expr.Pow(X + 1, -2) },
        { "x * x * y", Expr.Pow(X, 2) * Y },
        { "y - x * x", Y - Expr.Pow(X, 2) },
        { "x * x - y", Expr.Pow(X, 2) - Y },
        { "-x * x", -Expr.Pow(X, 2) },
        { $"1.0 - {Dsl}.Sigmoid(a)", 1 - Expr.Apply(MathFunction.Sigmoid, A) },
        { "x - 2.0 * y", X - 2 * Y },
        { "-x - 1.0", -X - 1 },
        { $"{Math}.Sqrt(x + 1.0)", Expr.Pow(X + 1, 0.5) },
        { $"1.0 / {Math}.Sqrt(x)", Expr.Pow(X, -0.5) },
        { $"{Math}.Pow(x, 1.5)", Expr.Pow(X, 1.5) },
        { $"{Math}.Pow(x, y + 1.0)", Expr.Pow(X, Y + 1) },
        { $"{Math}.Pow(x, -y)", Expr.Pow(X, -Y) },
        { $"{Math}.Exp(-x) * (y + 1.0)", Expr.Apply(MathFunction.Exp, -X) * (Y + 1) },
        { $"{Math}.Atan(a) + {Dsl}.Softplus(x) + {Dsl}.LogCosh(y)", Expr.Apply(MathFunction.Softplus, X) + Expr.Apply(MathFunction.LogCosh, Y) + Expr.Apply(MathFunction.Atan, A) },
        { $"{Dsl}.Cube({Math}.Tanh(x))", Expr.Pow(Expr.Apply(MathFunction.Tanh, X), 3) },
        { $"{Math}.Cosh(a * x) - {Math}.Sinh(b)", Expr.Apply(MathFunction.Cosh, A * X) - Expr.Apply(MathFunction.Sinh, B) },
        { $"{Math}.Asinh(b) + {Math}.Acosh(x * x + 1.0)", Expr.Apply(MathFunction.Asinh, B) + Expr.Apply(MathFunction.Acosh, X * X + 1) },
        { $"{Math}.Atanh(0.5 * y) + {Math}.Asin(0.3 * b) + {Math}.Acos(0.2 * a)",
            Expr.Apply(MathFunction.Atanh, 0.5 * Y) + Expr.Apply(MathFunction.Asin, 0.3 * B) + Expr.Apply(MathFunction.Acos, 0.2 * A) },
        { $"0.3333333333333333 / {Dsl}.Sq({Math}.Cbrt(b))", Expr.Pow(Expr.Apply(MathFunction.Cbrt, B), -2) / 3 },
        { $"0.43429448190325176 * {Math}.Log(x)", Expr.Apply(MathFunction.Log, X) / System.Math.Log(10) },
        { "2.0", Expr.Const(2) },
        { "-3.0", Expr.Const(-3) },
        { "0.1", Expr.Const(0.1) },
        { "1E-300", Expr.Const(1e-300) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Prints_csharp_with_doubles_and_fully_qualified_math(string csharp, Expr e)
    {
        Assert.Equal(csharp, Print(e));
    }

    [Fact]
    public void Printed_examples_compile_and_compute_the_expression()
    {
        var examples = Examples.Select(row => (Expr)row[1]).ToArray();
        var compiled = CSharpCompiler.Compile(Parameters, examples.Select(e => $"        return {Print(e)};").ToArray());

        double[][] points = [[0.7, -1.3, 1.9, 0.4], [-2.1, 0.6, 0.35, -1.7]];
        foreach (var point in points)
        {
            var values = Parameters.Zip(point).ToDictionary(p => p.First, p => p.Second);
            for (var i = 0; i < examples.Length; i++)
            {
                // The printed C# performs the same few operations as Evaluator, up to x·x for Math.Pow(x, 2)
                // (each within 1 ulp) and System.Math's asinh, acosh, atanh and ∛ for the engine's formulas
                // (within 3 ulps); 1e-13 relative covers that for these short expressions.
                var expected = Evaluator.Evaluate(examples[i], values);
                var actual = compiled[i](point);
                if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"{examples[i]}: {actual}");
                else Assert.True(System.Math.Abs(actual - expected) <= 1e-13 * System.Math.Max(1, System.Math.Abs(expected)), $"{examples[i]} = {Print(examples[i])}: {actual:R} vs {expected:R}");
            }
        }
    }

    [Fact]
    public void A_named_squared_subexpression_prints_as_its_name_times_itself()
    {
        var e = 0.5 * Expr.Pow(A * B * X - Y, 2);
        var program = ScheduledProgram.Of(e);

        var t0 = Assert.Single(ScheduledProgram.Lets(program));
        var name = ScheduledProgram.Text(t0.Target);
        Assert.Equal("a * b * x - y", ScheduledProgram.Text(t0.Value));
        Assert.Equal([$"0.5 * {name} * {name}"], ScheduledProgram.Stored(program));
        var names = new Dictionary<Expr, string> { [A * B * X - Y] = name };
        Assert.Equal($"1.0 / ({name} * {name})", new CSharpPrinter(v => v.Name, names).Print(1 / Expr.Pow(A * B * X - Y, 2)));
    }

    [Fact]
    public void Variables_print_through_the_callers_mapping()
    {
        var names = new Dictionary<string, string> { ["x"] = "sample[0]", ["a"] = "theta[1]" };
        var printer = new CSharpPrinter(v => names[v.Name], new Dictionary<Expr, string>());

        Assert.Equal("theta[1] * sample[0] * sample[0]", printer.Print(A * Expr.Pow(X, 2)));
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_current_culture()
    {
        // Directory.Build.props sets InvariantGlobalization, so "de-DE" carries no German data;
        // build a culture with German number formatting instead.
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = german;
            Assert.Equal("0,5", 0.5.ToString()); // the culture is in effect

            Assert.Equal("0.5 * x + 1.25", Print(0.5 * X + 1.25));
            Assert.Equal("0.5*x + 1.25", InfixPrinter.Format(0.5 * X + 1.25));
            Assert.Equal("0.5 x + 1.25", LatexPrinter.Format(0.5 * X + 1.25));
            Assert.Equal(0.5 * X + 1.25, InfixParser.Parse("0.5*x + 1.25"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1e-300)]
    [InlineData(1.0 / 3)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(123456789.0)]
    public void Constants_are_double_literals_that_parse_back_bit_for_bit(double value)
    {
        var text = Print(Expr.Const(value));

        Assert.True(text.IndexOfAny(['.', 'E']) >= 0, $"{text} is not a double literal");
        var back = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back));
    }
}
