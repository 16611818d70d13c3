using SgdDsl.Symbolics.Tests.Support;

namespace SgdDsl.Symbolics.Tests.Optimization;

/// <summary>
/// Common-subexpression elimination is the scheduler's (every subexpression computed once, where its indices are
/// bound): on straight-line outputs, what it names, in which order, and what the printed statements read.
/// </summary>
public sealed class SharedSubexpressionTests
{
    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");
    private static readonly Expr Z = Expr.Var("z");

    private static Expr Sin(Expr e) => Expr.Apply(MathFunction.Sin, e);

    private static Expr Cos(Expr e) => Expr.Apply(MathFunction.Cos, e);

    private static Expr Exp(Expr e) => Expr.Apply(MathFunction.Exp, e);

    private static string Name(LoopProgram program, Expr definition) =>
        ScheduledProgram.Text(ScheduledProgram.Lets(program).Single(l => ((Formula)l.Value).Expression.Equals(definition)).Target);

    [Fact]
    public void A_subexpression_used_twice_gets_one_intermediate()
    {
        var program = ScheduledProgram.Of(Sin(X * Y) + Cos(X * Y));

        Assert.Equal(X * Y, Assert.Single(ScheduledProgram.Definitions(program)));
        var t = Name(program, X * Y);
        Assert.Equal([$"global::System.Math.Sin({t}) + global::System.Math.Cos({t})"], ScheduledProgram.Stored(program));
    }

    [Fact]
    public void Subexpressions_are_shared_across_outputs()
    {
        var program = ScheduledProgram.Of(Sin(X * Y), Cos(X * Y));

        Assert.Equal(X * Y, Assert.Single(ScheduledProgram.Definitions(program)));
    }

    [Fact]
    public void Every_intermediate_is_defined_before_it_is_read()
    {
        // exp(x·y) is shared and contains the shared x·y, so x·y must come first.
        var program = ScheduledProgram.Of(Exp(X * Y) * (X * Y + 1), Exp(X * Y) - Z, Sin(Exp(X * Y) * X * Y));

        Assert.Equal([X * Y, Exp(X * Y)], ScheduledProgram.Definitions(program));
        var defined = new HashSet<Intermediate>();
        foreach (var statement in program.Statements)
        {
            var value = statement is Let let ? let.Value : ((Store)statement).Value;
            Assert.All(ScheduledProgram.Reads(value), read => Assert.Contains(read, defined));
            if (statement is Let l) defined.Add(l.Target);
        }
    }

    [Fact]
    public void A_subexpression_used_once_is_not_named()
    {
        Assert.Empty(ScheduledProgram.Lets(ScheduledProgram.Of(Sin(X * Y) + Cos(X * Z))));
    }

    [Fact]
    public void Variables_and_constants_are_never_named()
    {
        Assert.Empty(ScheduledProgram.Lets(ScheduledProgram.Of(Sin(X) + Cos(X) + 2 * X + 2 * Y)));
    }

    [Fact]
    public void The_base_of_a_square_or_cube_is_named_even_if_used_once()
    {
        var e = Expr.Pow(X + Y, 2) + Expr.Pow(Sin(Z), 3);
        var program = ScheduledProgram.Of(e);

        Assert.Equal(new HashSet<Expr> { Sin(Z), X + Y }, ScheduledProgram.Definitions(program).ToHashSet());
        var (cube, square) = (Name(program, Sin(Z)), Name(program, X + Y));
        Assert.Equal([$"{cube} * {cube} * {cube} + {square} * {square}"], ScheduledProgram.Stored(program));
    }

    [Fact]
    public void A_reciprocal_shares_the_power_it_divides_by()
    {
        // b^−2 prints as 1 / b^2, so b^2 is what both outputs compute.
        var square = Expr.Pow(X + Y, 2);
        var program = ScheduledProgram.Of(square * Z, 1 / square);

        Assert.Contains(square, ScheduledProgram.Definitions(program));
        Assert.Equal("1.0 / " + Name(program, square), ScheduledProgram.Stored(program)[1]);
    }

    [Fact]
    public void A_negative_term_is_shared_as_the_expression_it_subtracts()
    {
        // y·z − sin x prints as "y * z - sin(x)", so sin x, not −sin x, is computed and shared.
        var program = ScheduledProgram.Of(Y * Z - Sin(X), X * Y - Sin(X));

        Assert.Equal(Sin(X), Assert.Single(ScheduledProgram.Definitions(program)));
        var t = Name(program, Sin(X));
        Assert.Equal([$"y * z - {t}", $"x * y - {t}"], ScheduledProgram.Stored(program));
    }

    [Fact]
    public void A_negative_term_is_written_after_a_positive_one_and_shared_unnegated()
    {
        // y − x·sin z is printed with y first, so x·sin z (not −x·sin z) is what both outputs compute.
        var program = ScheduledProgram.Of(Y - X * Sin(Z), Z - X * Sin(Z));

        Assert.Equal(X * Sin(Z), Assert.Single(ScheduledProgram.Definitions(program)));
        var t = Name(program, X * Sin(Z));
        Assert.Equal([$"y - {t}", $"z - {t}"], ScheduledProgram.Stored(program));
    }

    [Fact]
    public void An_output_that_is_also_a_subexpression_is_named()
    {
        var program = ScheduledProgram.Of(X * Y, Sin(X * Y));

        var t = Name(program, X * Y);
        Assert.Equal([t, $"global::System.Math.Sin({t})"], ScheduledProgram.Stored(program));
    }

    [Fact]
    public void Running_the_program_gives_the_values_of_the_outputs()
    {
        // The gradient and loss of ½(a·b·x − y)² + log cosh(a − b): the shape the generator emits.
        var (a, b) = (Expr.Var("a"), Expr.Var("b"));
        var loss = 0.5 * Expr.Pow(a * b * X - Y, 2) + Expr.Apply(MathFunction.LogCosh, a - b);
        var outputs = Differentiator.Gradient(loss, ["a", "b"]).Prepend(loss).ToArray();
        var inputs = new Dictionary<string, double> { ["a"] = 0.3, ["b"] = -1.2, ["x"] = 2.5, ["y"] = 0.7 };

        var program = ScheduledProgram.Of(outputs);
        var values = ScheduledProgram.Run(program, outputs.Length, inputs);

        Assert.NotEmpty(ScheduledProgram.Lets(program));
        // The program does the same operations as Evaluator, except b^−k as 1/b^k (one extra rounding).
        Assert.Equal(outputs.Select(o => Evaluator.Evaluate(o, inputs)), values, (p, q) => Math.Abs(p - q) <= 1e-14 * Math.Max(1, Math.Abs(q)));
    }
}
