using SgdDsl.Symbolics.Tests.Support;

namespace SgdDsl.Symbolics.Tests.Optimization;

public sealed class CommonSubexpressionTests
{
    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");
    private static readonly Expr Z = Expr.Var("z");

    private static Expr Sin(Expr e) => Expr.Apply(MathFunction.Sin, e);

    private static Expr Cos(Expr e) => Expr.Apply(MathFunction.Cos, e);

    private static Expr Exp(Expr e) => Expr.Apply(MathFunction.Exp, e);

    private static string Print(CommonSubexpressions cse, Expr e) => new CSharpPrinter(v => v.Name, cse.Names).Print(e);

    [Fact]
    public void A_subexpression_used_twice_gets_one_temporary()
    {
        var e = Sin(X * Y) + Cos(X * Y);

        var cse = CommonSubexpressions.Eliminate([e]);

        var t = Assert.Single(cse.Temporaries);
        Assert.Equal("t0", t.Name);
        Assert.Equal(X * Y, t.Definition);
        Assert.Equal("global::System.Math.Sin(t0) + global::System.Math.Cos(t0)", Print(cse, e));
    }

    [Fact]
    public void Subexpressions_are_shared_across_outputs()
    {
        var cse = CommonSubexpressions.Eliminate([Sin(X * Y), Cos(X * Y)]);

        Assert.Equal(X * Y, Assert.Single(cse.Temporaries).Definition);
    }

    [Fact]
    public void Every_temporary_is_defined_before_it_is_read()
    {
        // exp(x·y) is shared and contains the shared x·y, so x·y must come first.
        Expr[] outputs = [Exp(X * Y) * (X * Y + 1), Exp(X * Y) - Z, Sin(Exp(X * Y) * X * Y)];

        var cse = CommonSubexpressions.Eliminate(outputs);

        Assert.Equal([X * Y, Exp(X * Y)], cse.Temporaries.Select(t => t.Definition));
        var order = cse.Temporaries.Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i);
        for (var i = 0; i < cse.Temporaries.Count; i++)
            Assert.All(StraightLineProgram.ReadsOf(cse.Temporaries[i].Definition, cse.Names), read => Assert.True(order[read] < i));
    }

    [Fact]
    public void A_subexpression_used_once_is_not_named()
    {
        Assert.Empty(CommonSubexpressions.Eliminate([Sin(X * Y) + Cos(X * Z)]).Temporaries);
    }

    [Fact]
    public void Variables_and_constants_are_never_named()
    {
        Assert.Empty(CommonSubexpressions.Eliminate([Sin(X) + Cos(X) + 2 * X + 2 * Y]).Temporaries);
    }

    [Fact]
    public void The_base_of_a_square_or_cube_is_named_even_if_used_once()
    {
        var cse = CommonSubexpressions.Eliminate([Expr.Pow(X + Y, 2) + Expr.Pow(Sin(Z), 3)]);

        Assert.Equal([Sin(Z), X + Y], cse.Temporaries.Select(t => t.Definition));
        Assert.Equal("t0 * t0 * t0 + t1 * t1", Print(cse, Expr.Pow(X + Y, 2) + Expr.Pow(Sin(Z), 3)));
    }

    [Fact]
    public void A_reciprocal_shares_the_power_it_divides_by()
    {
        // b^−2 prints as 1 / b^2, so b^2 is what both outputs compute.
        var square = Expr.Pow(X + Y, 2);
        Expr[] outputs = [square * Z, 1 / square];

        var cse = CommonSubexpressions.Eliminate(outputs);

        Assert.Contains(cse.Temporaries, t => t.Definition.Equals(square));
        Assert.Equal("1.0 / " + cse.Names[square], Print(cse, outputs[1]));
    }

    [Fact]
    public void A_negative_term_is_shared_as_the_expression_it_subtracts()
    {
        // y·z − sin x prints as "y * z - sin(x)", so sin x, not −sin x, is computed and shared.
        Expr[] outputs = [Y * Z - Sin(X), X * Y - Sin(X)];

        var cse = CommonSubexpressions.Eliminate(outputs);

        Assert.Equal(Sin(X), Assert.Single(cse.Temporaries).Definition);
        Assert.Equal(["y * z - t0", "x * y - t0"], outputs.Select(o => Print(cse, o)));
    }

    [Fact]
    public void A_negative_term_is_written_after_a_positive_one_and_shared_unnegated()
    {
        // y − x·sin z is printed with y first, so x·sin z (not −x·sin z) is what both outputs compute.
        Expr[] outputs = [Y - X * Sin(Z), Z - X * Sin(Z)];

        var cse = CommonSubexpressions.Eliminate(outputs);

        Assert.Equal(X * Sin(Z), Assert.Single(cse.Temporaries).Definition);
        Assert.Equal(["y - t0", "z - t0"], outputs.Select(o => Print(cse, o)));
    }

    [Fact]
    public void An_output_that_is_also_a_subexpression_is_named()
    {
        var cse = CommonSubexpressions.Eliminate([X * Y, Sin(X * Y)]);

        Assert.Equal("t0", cse.Names[X * Y]);
    }

    [Fact]
    public void Temporaries_take_the_given_prefix()
    {
        var cse = CommonSubexpressions.Eliminate([Sin(X * Y) + Cos(X * Y)], "tmp_");

        Assert.Equal("tmp_0", Assert.Single(cse.Temporaries).Name);
    }

    [Fact]
    public void Running_the_program_gives_the_values_of_the_outputs()
    {
        // The gradient and loss of ½(a·b·x − y)² + log cosh(a − b): the shape the generator emits.
        var (a, b) = (Expr.Var("a"), Expr.Var("b"));
        var loss = 0.5 * Expr.Pow(a * b * X - Y, 2) + Expr.Apply(MathFunction.LogCosh, a - b);
        var outputs = Differentiator.Gradient(loss, ["a", "b"]).Prepend(loss).ToArray();
        var inputs = new Dictionary<string, double> { ["a"] = 0.3, ["b"] = -1.2, ["x"] = 2.5, ["y"] = 0.7 };

        var cse = CommonSubexpressions.Eliminate(outputs);
        var program = StraightLineProgram.Run(cse, outputs, inputs);

        Assert.NotEmpty(cse.Temporaries);
        // The program does the same operations as Evaluator, except b^−k as 1/b^k (one extra rounding).
        Assert.Equal(outputs.Select(o => Evaluator.Evaluate(o, inputs)), program, (p, q) => Math.Abs(p - q) <= 1e-14 * Math.Max(1, Math.Abs(q)));
    }
}
