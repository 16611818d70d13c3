namespace SgdDsl.Symbolics.Tests.Parsing;

public sealed class InfixParserTests
{
    private static readonly Expr X = Expr.Var("x");
    private static readonly Expr Y = Expr.Var("y");
    private static readonly Expr Z = Expr.Var("z");

    private static Expr Parse(string text) => InfixParser.Parse(text);

    [Fact]
    public void Unary_minus_binds_looser_than_power()
    {
        Assert.Equal(-Expr.Pow(X, 2), Parse("-x^2"));
        Assert.Equal(Expr.Const(-4), Parse("-2^2"));
    }

    [Fact]
    public void Power_is_right_associative()
    {
        Assert.Equal(Expr.Const(512), Parse("2^3^2"));
        Assert.Equal(Expr.Pow(X, Expr.Pow(Y, Z)), Parse("x^y^z"));
    }

    [Fact]
    public void Power_takes_a_signed_exponent()
    {
        Assert.Equal(Expr.Const(0.5), Parse("2^-1"));
        Assert.Equal(Expr.Pow(X, -Expr.Pow(Y, 2)), Parse("x^-y^2"));
    }

    [Fact]
    public void Products_bind_tighter_than_sums()
    {
        Assert.Equal(Expr.Const(10), Parse("2*3 + 4"));
        Assert.Equal(Expr.Const(14), Parse("2*(3 + 4)"));
        Assert.Equal(X + Y * Z, Parse("x + y*z"));
    }

    [Fact]
    public void Subtraction_and_division_are_left_associative()
    {
        Assert.Equal(Expr.Const(1), Parse("8/4/2"));
        Assert.Equal(Expr.Const(-4), Parse("1 - 2 - 3"));
        Assert.Equal(X / (Y * Z), Parse("x/y/z"));
        Assert.Equal(X - Y - Z, Parse("x - y - z"));
    }

    [Fact]
    public void A_product_is_built_in_one_piece_so_its_coefficient_stays_outside_a_sum_factor()
    {
        // Pairwise, −(y + 1) would first distribute to −y − 1; the printer wrote −1·(y + 1)·x⁻¹.
        Assert.Equal(Expr.Multiply(Expr.MinusOne, Y + 1, Expr.Pow(X, -1)), Parse("-(y + 1)/x"));
        Assert.Equal(Expr.Multiply(2, Y + 1, Expr.Pow(X, -1)), Parse("2*(y + 1)/x"));
        Assert.Equal(-Y - 1, Parse("-(y + 1)"));
    }

    [Fact]
    public void Unary_signs_may_repeat_and_follow_an_operator()
    {
        Assert.Equal(X, Parse("--x"));
        Assert.Equal(X, Parse("+x"));
        Assert.Equal(-2 * X, Parse("2*-x"));
    }

    [Fact]
    public void Every_function_parses_by_its_lower_case_name()
    {
        foreach (var f in Enum.GetValues<MathFunction>())
            Assert.Equal(Expr.Apply(f, X + 1), Parse(f.ToString().ToLowerInvariant() + "(x + 1)"));
    }

    [Fact]
    public void Every_spelling_a_loss_may_use_parses_by_its_lower_case_name()
    {
        foreach (var spelling in FunctionCatalogue.Spellings)
        {
            var args = spelling.Arity == 1 ? "(x + 1)" : "(x + 1, y)";
            Expr[] values = spelling.Arity == 1 ? [X + 1] : [X + 1, Y];
            Assert.Equal(spelling.Build(values), Parse(spelling.Name.ToLowerInvariant() + args));
        }
    }

    /// <summary>Each function, its first and its second derivative print as infix text that parses back to the same node.</summary>
    [Fact]
    public void Every_spelling_and_its_derivatives_round_trip_through_infix_text()
    {
        foreach (var spelling in FunctionCatalogue.Spellings)
        {
            var e = spelling.Build(spelling.Arity == 1 ? [2 * X + 1] : [2 * X + 1, Y + 3]);
            var d = Differentiator.Differentiate(e, "x");
            foreach (var form in new[] { e, d, Differentiator.Differentiate(d, "x") })
            {
                var text = InfixPrinter.Format(form);
                Assert.True(form.Equals(Parse(text)), $"{spelling.Name}: {text} parses back as {Parse(text)}");
            }
        }
    }

    [Fact]
    public void Logarithms_to_a_base_are_multiples_of_log()
    {
        Assert.Equal(Expr.Apply(MathFunction.Log, X) / Math.Log(10), Parse("log10(x)"));
        Assert.Equal(Expr.Apply(MathFunction.Log, X) / Math.Log(2), Parse("log2(x)"));
        Assert.Equal(Expr.Apply(MathFunction.Log, X) / Expr.Apply(MathFunction.Log, Y), Parse("log(x, y)"));
    }

    [Fact]
    public void Log_of_cosh_is_logcosh()
    {
        Assert.Equal(Expr.Apply(MathFunction.LogCosh, X - Y), Parse("log(cosh(x - y))"));
        Assert.Equal(Expr.Apply(MathFunction.Cosh, X), Parse("exp(logcosh(x))"));
    }

    [Fact]
    public void Power_shorthands_are_powers()
    {
        Assert.Equal(Expr.Pow(X, 0.5), Parse("sqrt(x)"));
        Assert.Equal(Expr.Pow(X, 2), Parse("sq(x)"));
        Assert.Equal(Expr.Pow(X, 3), Parse("cube(x)"));
        Assert.Equal(Expr.Pow(X, Y + 1), Parse("pow(x, y + 1)"));
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1e-3", 1e-3)]
    [InlineData("2.5E+2", 250.0)]
    [InlineData("1E-300", 1e-300)]
    [InlineData("5E-324", double.Epsilon)]
    public void Numbers_are_read_in_the_invariant_culture(string text, double value)
    {
        Assert.Equal(Expr.Const(value), Parse(text));
    }

    [Fact]
    public void Names_may_have_digits_underscores_and_a_subscript()
    {
        Assert.Equal(Expr.Var("w_1"), Parse("w_1"));
        Assert.Equal(Expr.Var("W[0,1]"), Parse("W[0, 1]"));
        Assert.Equal(Expr.Var("theta2") * Expr.Var("W[0]"), Parse("theta2*W[0]"));
    }

    [Fact]
    public void A_function_name_without_parentheses_is_a_variable()
    {
        Assert.Equal(Expr.Var("exp"), Parse("exp"));
    }

    [Fact]
    public void Whitespace_is_ignored_between_tokens()
    {
        Assert.Equal(Parse("0.5*(a*b*x-y)^2"), Parse("  0.5 * ( a * b * x - y ) ^ 2  "));
        Assert.Equal(Expr.Apply(MathFunction.Exp, X), Parse("exp (x)"));
    }

    [Fact]
    public void The_result_is_simplified()
    {
        Assert.Equal(2 * X, Parse("x + x"));
        Assert.Equal(Expr.One, Parse("x/x"));
    }

    [Theory]
    [InlineData("x +", "unexpected end of formula at position 4")]
    [InlineData("", "unexpected end of formula at position 1")]
    [InlineData("foo(x)", "unknown function 'foo' at position 1")]
    [InlineData("2 * foo(x)", "unknown function 'foo' at position 5")]
    [InlineData("(x", "expected ')' at position 3")]
    [InlineData("1..2", "bad number '1..2' at position 1")]
    [InlineData("x + 1..2", "bad number '1..2' at position 5")]
    [InlineData("x y", "unexpected 'y' at position 3")]
    [InlineData("x * )", "unexpected ')' at position 5")]
    [InlineData("sqrt(x, y)", "sqrt takes 1 argument at position 1")]
    [InlineData("pow(x)", "pow takes 2 arguments at position 1")]
    [InlineData("cosh(x, y)", "cosh takes 1 argument at position 1")]
    [InlineData("log(x, y, z)", "log takes 1 or 2 arguments at position 1")]
    [InlineData("W[0", "unclosed '[' at position 2")]
    // Numbers that are not finite: a literal, or a constant part that folds to ±∞ or NaN.
    [InlineData("1e400*a", "number '1e400' is too large for a double (at most about 1.8e308) at position 1")]
    [InlineData("a*-1E309", "number '1E309' is too large for a double (at most about 1.8e308) at position 4")]
    [InlineData("a*1/0", "division by zero at position 4")]
    [InlineData("a/(x - x)", "division by zero at position 2")]
    [InlineData("log(0) + a", "'log(0)' is -∞, not a finite number at position 1")]
    [InlineData("a + (1e200)^2", "'(1e200)^2' is ∞, not a finite number at position 5")]
    [InlineData("a*sqrt(-1)", "'sqrt(-1)' is NaN, not a finite number at position 3")]
    [InlineData("a*exp(1000)", "'exp(1000)' is ∞, not a finite number at position 3")]
    [InlineData("a/1e-320", "division by '1e-320', too close to zero (its reciprocal is not a finite number) at position 2")]
    [InlineData("1e200*1e200*a", "a constant in '1e200*1e200*a' is ∞, not a finite number at position 1")]
    [InlineData("a + 1e308 + 1e308", "a constant in 'a + 1e308 + 1e308' is ∞, not a finite number at position 1")]
    [InlineData("(2*a)^2000", "a constant in '(2*a)^2000' is ∞, not a finite number at position 1")]
    [InlineData("log(a, 1)", "a constant in 'log(a, 1)' is ∞, not a finite number at position 1")]
    [InlineData("0*log(0)", "'log(0)' is -∞, not a finite number at position 3")]
    public void Bad_input_is_a_format_exception_naming_the_position(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => Parse(text));

        Assert.Equal($"{message} of \"{text}\"", e.Message);
    }

    [Fact]
    public void Constants_that_fold_to_finite_numbers_are_kept()
    {
        Assert.Equal(Expr.Const(1e308) * X, Parse("1e154*1e154*x"));
        Assert.Equal(Expr.Zero, Parse("1e-300*1e-300"));
        Assert.Equal(Expr.Const(double.Epsilon) * X, Parse("5e-324*x"));
    }

    public static TheoryData<string, int> TooDeep => new()
    {
        // 40,000 parentheses and a 60,000-level power tower would overflow the stack (uncatchable) without the limit.
        { new string('(', 40_000) + "x" + new string(')', 40_000), Nesting.MaxDepth + 1 },
        { string.Join("^", Enumerable.Repeat("x", 60_000)), 2 * Nesting.MaxDepth + 2 },
        { string.Concat(Enumerable.Repeat("exp(", 1_000)) + "x" + new string(')', 1_000), 4 * Nesting.MaxDepth + 1 },
        { "a + " + string.Concat(Enumerable.Repeat("-(", 300)) + "x" + new string(')', 300), 4 + 2 * Nesting.MaxDepth + 2 },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Nesting_deeper_than_the_limit_is_a_format_exception_at_the_first_level_too_deep(string text, int position)
    {
        var e = Assert.Throws<FormatException>(() => Parse(text));

        Assert.StartsWith($"the formula nests more than {Nesting.MaxDepth} levels of parentheses, calls and powers at position {position} of \"", e.Message);
        Assert.True(e.Message.Length < 300, "a long formula is quoted by the stretch around the position");
        Assert.Contains(text.Substring(position - 10, 20), e.Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_and_flat_runs_of_any_length_parse()
    {
        var depth = Nesting.MaxDepth;
        Assert.Equal(X, Parse(new string('(', depth) + "x" + new string(')', depth)));
        Assert.Equal(Expr.Apply(MathFunction.Exp, X), Parse(string.Concat(Enumerable.Repeat("log(exp(", depth / 2 - 1)) + "exp(x" + new string(')', depth - 1)));
        var tower = X;
        for (var k = 0; k < depth; k++) tower = Expr.Pow(X, tower);
        Assert.Equal(tower, Parse(string.Concat(Enumerable.Repeat("x^", depth)) + "x"));
        Assert.Equal(Expr.Const(20_000) * X, Parse(string.Join(" + ", Enumerable.Repeat("x", 20_000))));
        Assert.Equal(Expr.Pow(X, 20_000), Parse(string.Join("*", Enumerable.Repeat("x", 20_000))));
    }

    [Fact]
    public void Null_input_is_an_argument_null_exception()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Parse(null!)).ParamName);
    }
}
