using CsCheck;
using SgdDsl.Symbolics.Tests.Support;

namespace SgdDsl.Symbolics.Tests;

/// <summary>
/// Properties of random expression trees over x, y, z (see <see cref="ExprGenerators"/>). Numerical
/// comparisons are made only where <see cref="ReferenceEvaluator"/> proves the values well
/// conditioned, and each test asserts that most samples were actually compared.
/// </summary>
public sealed class PropertyTests
{
    /// <summary>
    /// Multiplier on first-order rounding bounds: they neglect second-order terms and assume ≤ 2-ulp
    /// library functions, so a factor of 4 absorbs that slack while staying far below any algebraic error.
    /// </summary>
    private const double BoundSlack = 4;

    /// <summary>Values are compared only where rounding moves them by less than this (relative to max(1, |v|)).</summary>
    private const double Conditioning = 1e-6;

    /// <summary>Samples per property: enough to hit every node kind many times, few enough to run in well under a second.</summary>
    private const int Iterations = 400;

    private static Approximation Bound(Expr e, Point at) => ReferenceEvaluator.Evaluate(Term.FromExpr(e), at.Values);

    [Fact]
    public void Simplification_preserves_the_value_of_the_unsimplified_tree()
    {
        var compared = 0;
        Gen.Select(ExprGenerators.Terms(ExprGenerators.AnyConstants), ExprGenerators.Points).Sample((term, at) =>
        {
            var reference = ReferenceEvaluator.Evaluate(term, at.Values);
            if (!reference.IsWellConditioned(Conditioning)) return;
            var e = term.ToExpr();
            var simplified = Evaluator.Evaluate(e, at.Values);
            var tolerance = BoundSlack * (reference.Error + Bound(e, at).Error);
            Assert.True(Math.Abs(simplified - reference.Value) <= tolerance,
                $"{term} simplified to {e}: {simplified:R} at {at}, unsimplified {reference.Value:R} ± {tolerance:R}");
            Interlocked.Increment(ref compared);
        }, iter: Iterations);

        Assert.True(compared >= Iterations / 2, $"only {compared} of {Iterations} samples were compared");
    }

    [Fact]
    public void Symbolic_derivatives_match_central_differences()
    {
        var compared = 0;
        Gen.Select(ExprGenerators.Terms(ExprGenerators.AnyConstants), ExprGenerators.Points, Gen.OneOfConst(ExprGenerators.Variables)).Sample((term, at, v) =>
        {
            var e = term.ToExpr();
            var x = at[v];
            var h = FiniteDifference.Step(x);
            var values = new[] { x + h, x - h, x + h / 2, x - h / 2 }
                .Select(t => ReferenceEvaluator.Evaluate(term, at.With(v, t).Values)).ToArray();
            if (!values.All(f => f.IsWellConditioned(Conditioning))) return;

            var d = Differentiator.Differentiate(e, v);
            var symbolic = Evaluator.Evaluate(d, at.Values);
            double F(double t) => Evaluator.Evaluate(e, at.With(v, t).Values);
            var wide = FiniteDifference.Central(F, x, h);
            var narrow = FiniteDifference.Central(F, x, h / 2);
            // Truncation is O(h²): halving h cuts it by 4, so |wide − narrow| is 3× the narrow error.
            // Roundoff is the evaluation error of f at x ± h/2 divided by the step h.
            var truncation = Math.Abs(wide - narrow);
            var roundoff = BoundSlack * (values[2].Error + values[3].Error) / h;
            var tolerance = truncation + roundoff + BoundSlack * Bound(d, at).Error;
            // Where differences cannot resolve the derivative to 4 digits, they cannot judge it either.
            if (!(tolerance <= 1e-4 * Math.Max(1, Math.Abs(narrow)))) return;

            Assert.True(Math.Abs(symbolic - narrow) <= tolerance,
                $"d/d{v} of {e} is {d} = {symbolic:R} at {at}; central difference {narrow:R} ± {tolerance:R}");
            Interlocked.Increment(ref compared);
        }, iter: Iterations);

        Assert.True(compared >= Iterations / 3, $"only {compared} of {Iterations} samples were compared");
    }

    [Fact]
    public void Infix_text_parses_back_to_the_structurally_equal_expression()
    {
        var compared = 0;
        ExprGenerators.Terms(ExprGenerators.AnyConstants).Sample(term =>
        {
            var e = term.ToExpr();
            var d = Differentiator.Differentiate(e, "x");
            if (!IsFinite(e) || !IsFinite(d)) return;

            var text = InfixPrinter.Format(e);
            var back = InfixParser.Parse(text);
            Assert.True(e.Equals(back), $"{term} → {text} parses back as {back}");
            Assert.Equal(e.GetHashCode(), back.GetHashCode());
            AssertSame(d, InfixParser.Parse(InfixPrinter.Format(d)));
            Interlocked.Increment(ref compared);
        }, iter: Iterations);

        Assert.True(compared >= Iterations * 9 / 10, $"only {compared} of {Iterations} samples were compared");
    }

    [Fact]
    public void Sums_and_products_are_commutative_structurally()
    {
        var terms = ExprGenerators.Terms(ExprGenerators.ExactConstants, maxDepth: 3).Select(t => t.ToExpr());
        Gen.Select(terms, terms).Sample((a, b) =>
        {
            AssertSame(a + b, b + a);
            AssertSame(a * b, b * a);
        }, iter: Iterations);
    }

    [Fact]
    public void Sums_are_associative_structurally_when_constant_arithmetic_is_exact()
    {
        var compared = 0;
        var terms = ExprGenerators.Terms(ExprGenerators.ExactConstants, maxDepth: 3).Select(t => t.ToExpr());
        Gen.Select(terms, terms, terms).Sample((a, b, c) =>
        {
            // Folding sin 1 or √2 gives constants whose floating-point sum depends on the order of
            // addition; the canonical form can only be as associative as the arithmetic on its constants.
            if (!new[] { a, b, c }.All(HasOnlyShortConstants)) return;
            AssertSame((a + b) + c, a + (b + c));
            AssertSame(Expr.Add(a, b, c), Expr.Add(c, b, a));
            Interlocked.Increment(ref compared);
        }, iter: Iterations);

        Assert.True(compared >= Iterations / 2, $"only {compared} of {Iterations} samples were compared");
    }

    [Fact]
    public void Equal_expressions_have_equal_hashes_and_compare_as_equal()
    {
        var terms = ExprGenerators.Terms(ExprGenerators.AnyConstants);
        Gen.Select(terms, terms).Sample((s, t) =>
        {
            var (a, b) = (s.ToExpr(), t.ToExpr());
            var copy = s.ToExpr(); // built anew: a distinct instance unless it is a shared constant
            AssertSame(a, copy);
            Assert.Equal(0, a.CompareTo(copy));
            if (IsFinite(a)) AssertSame(a, InfixParser.Parse(InfixPrinter.Format(a)));

            // The canonical order is total and agrees with equality.
            Assert.Equal(a.Equals(b), a.CompareTo(b) == 0);
            Assert.Equal(Math.Sign(a.CompareTo(b)), -Math.Sign(b.CompareTo(a)));
        }, iter: Iterations);
    }

    [Fact]
    public void The_scheduled_straight_line_program_computes_every_output()
    {
        var compared = 0;
        Gen.Select(ExprGenerators.Terms(ExprGenerators.AnyConstants), ExprGenerators.Points).Sample((term, at) =>
        {
            var e = term.ToExpr();
            Expr[] outputs = [e, .. Differentiator.Gradient(e, ExprGenerators.Variables)];
            var scheduled = ScheduledProgram.Of(outputs);

            // Run asserts that no intermediate is read before it is defined.
            var program = ScheduledProgram.Run(scheduled, outputs.Length, at.Values);

            for (var i = 0; i < outputs.Length; i++)
            {
                var bound = Bound(outputs[i], at);
                if (!bound.IsWellConditioned(Conditioning)) continue;
                // Both evaluate the same expression; the program rounds differently only where it
                // computes b^−k as 1/b^k, so each is within the bound of the exact value.
                Assert.True(Math.Abs(program[i] - Evaluator.Evaluate(outputs[i], at.Values)) <= 2 * BoundSlack * bound.Error,
                    $"{outputs[i]} at {at}: program {program[i]:R}, direct {Evaluator.Evaluate(outputs[i], at.Values):R}");
                Interlocked.Increment(ref compared);
            }
        }, iter: Iterations);

        Assert.True(compared >= Iterations, $"only {compared} of {4 * Iterations} outputs were compared");
    }

    [Fact]
    public void The_printed_program_reads_every_temporary_it_defines()
    {
        ExprGenerators.Terms(ExprGenerators.AnyConstants).Sample(term =>
        {
            var e = term.ToExpr();
            Expr[] outputs = [e, .. Differentiator.Gradient(e, ExprGenerators.Variables)];
            var program = ScheduledProgram.Of(outputs);
            var lines = program.Statements.Select(s => ScheduledProgram.Text(s is Let let ? let.Value : ((Store)s).Value)).ToArray();

            for (var i = 0; i < program.Statements.Count; i++)
            {
                if (program.Statements[i] is not Let let) continue;
                var name = new System.Text.RegularExpressions.Regex($@"\b{ScheduledProgram.Text(let.Target)}\b");
                Assert.True(lines.Skip(i + 1).Any(name.IsMatch),
                    $"{ScheduledProgram.Text(let.Target)} = {lines[i]} is never read in\n{string.Join("\n", lines)}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Printed_csharp_programs_compile_and_compute_the_expression()
    {
        // One Roslyn compilation for a batch of random losses and their x-derivatives.
        const int Batch = 40;
        Gen.Select(ExprGenerators.Terms(ExprGenerators.AnyConstants), ExprGenerators.Points).Array[Batch].Sample(samples =>
        {
            // A constant that overflowed prints as "Infinity", which is not C#; see IsFinite.
            var cases = samples
                .SelectMany(s => new[] { s.Item1.ToExpr(), Differentiator.Differentiate(s.Item1.ToExpr(), "x") }.Select(e => (Expr: e, At: s.Item2)))
                .Where(c => IsFinite(c.Expr))
                .ToArray();
            var outputs = cases.Select(c => c.Expr).ToArray();
            var compiled = CSharpCompiler.Compile(ExprGenerators.Variables, outputs.Select(CSharpCompiler.StraightLineBody).ToArray());
            var compared = 0;
            for (var i = 0; i < outputs.Length; i++)
            {
                var at = cases[i].At;
                var bound = Bound(outputs[i], at);
                if (!bound.IsWellConditioned(Conditioning)) continue;
                var actual = compiled[i]([at.X, at.Y, at.Z]);
                var expected = Evaluator.Evaluate(outputs[i], at.Values);
                // Same expression, rounded differently (x·x for x², 1/b^k for b^−k): each within the bound.
                Assert.True(Math.Abs(actual - expected) <= 2 * BoundSlack * bound.Error,
                    $"{outputs[i]} at {at}: C# {actual:R}, Evaluator {expected:R}\n{CSharpCompiler.StraightLineBody(outputs[i])}");
                compared++;
            }

            Assert.True(compared >= Batch / 2, $"only {compared} of {outputs.Length} outputs were compared");
        }, iter: 1, threads: 1);
    }

    /// <summary>
    /// True unless e holds a constant that is not finite (a coefficient that overflowed) or a power c^k
    /// of constants left unfolded because it is not finite (0^−k, from dividing by something that
    /// simplified to 0). Such expressions print as "Infinity" or "1/0" and cannot round-trip; the
    /// engine's contract is finite constants.
    /// </summary>
    private static bool IsFinite(Expr e) => e switch
    {
        Constant c => double.IsFinite(c.Value),
        Power { Base: Constant, Exponent: Constant } => false,
        FunctionCall { Argument: Constant } => false, // log(0): folding leaves a call of a constant only when it is not finite
        _ => e.Children.All(IsFinite),
    };

    /// <summary>True if every constant in e is a multiple of 2⁻⁸ below 2²⁰, so sums and products of a few are exact.</summary>
    private static bool HasOnlyShortConstants(Expr e) =>
        e is Constant c
            ? Math.Abs(c.Value) < 1 << 20 && Math.Round(c.Value * 256) == c.Value * 256
            : e.Children.All(HasOnlyShortConstants);

    private static void AssertSame(Expr expected, Expr actual)
    {
        Assert.True(expected.Equals(actual), $"{expected} ≠ {actual}");
        Assert.True(actual.Equals(expected), $"{actual} ≠ {expected}");
        Assert.Equal(expected.GetHashCode(), actual.GetHashCode());
    }
}
