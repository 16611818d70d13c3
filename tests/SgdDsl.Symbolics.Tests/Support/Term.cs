using System.Globalization;

namespace SgdDsl.Symbolics.Tests.Support;

/// <summary>
/// A tiny expression tree that shares no code with <see cref="Expr"/>: it never simplifies, and
/// <see cref="ReferenceEvaluator"/> evaluates it node by node. Built through the simplifying
/// factories (<see cref="ToExpr"/>) it gives the expression under test; evaluated directly it gives
/// the value that expression must have.
/// </summary>
internal abstract record Term
{
    public sealed record Number(double Value) : Term;

    public sealed record Symbol(string Name) : Term;

    public sealed record Plus(Term Left, Term Right) : Term;

    public sealed record Minus(Term Left, Term Right) : Term;

    public sealed record Times(Term Left, Term Right) : Term;

    public sealed record Divide(Term Left, Term Right) : Term;

    public sealed record Negate(Term Operand) : Term;

    /// <summary>Base raised to a constant exponent.</summary>
    public sealed record Power(Term Base, double Exponent) : Term;

    /// <summary>Base raised to an expression; defined for positive bases only.</summary>
    public sealed record VariablePower(Term Base, Term Exponent) : Term;

    public sealed record Call(MathFunction Function, Term Argument) : Term;

    /// <summary>The same tree built through the simplifying factories and operators of <see cref="Expr"/>.</summary>
    public Expr ToExpr() => this switch
    {
        Number n => Expr.Const(n.Value),
        Symbol s => Expr.Var(s.Name),
        Plus p => p.Left.ToExpr() + p.Right.ToExpr(),
        Minus m => m.Left.ToExpr() - m.Right.ToExpr(),
        Times t => t.Left.ToExpr() * t.Right.ToExpr(),
        Divide d => d.Left.ToExpr() / d.Right.ToExpr(),
        Negate n => -n.Operand.ToExpr(),
        Power p => Expr.Pow(p.Base.ToExpr(), Expr.Const(p.Exponent)),
        VariablePower p => Expr.Pow(p.Base.ToExpr(), p.Exponent.ToExpr()),
        Call c => Expr.Apply(c.Function, c.Argument.ToExpr()),
        _ => throw new InvalidOperationException(GetType().Name),
    };

    /// <summary>
    /// A canonical expression as a tree, so <see cref="ReferenceEvaluator"/> can bound the rounding
    /// error of evaluating it (sums and products become left-to-right chains, as Evaluator computes them).
    /// </summary>
    public static Term FromExpr(Expr e) => e switch
    {
        Constant c => new Number(c.Value),
        Variable v => new Symbol(v.Name),
        Sum s => s.Children.Select(FromExpr).Aggregate((a, b) => new Plus(a, b)),
        Product p => p.Children.Select(FromExpr).Aggregate((a, b) => new Times(a, b)),
        SgdDsl.Symbolics.Power { Exponent: Constant k } w => new Power(FromExpr(w.Base), k.Value),
        SgdDsl.Symbolics.Power w => new VariablePower(FromExpr(w.Base), FromExpr(w.Exponent)),
        FunctionCall f => new Call(f.Function, FromExpr(f.Argument)),
        _ => throw new InvalidOperationException(e.Kind.ToString()),
    };

    /// <summary>Fully parenthesized, so a failing CsCheck sample shows exactly what was built.</summary>
    public sealed override string ToString() => this switch
    {
        Number n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        Symbol s => s.Name,
        Plus p => $"({p.Left} + {p.Right})",
        Minus m => $"({m.Left} - {m.Right})",
        Times t => $"({t.Left} * {t.Right})",
        Divide d => $"({d.Left} / {d.Right})",
        Negate n => $"(-{n.Operand})",
        Power p => $"({p.Base} ^ {p.Exponent.ToString("R", CultureInfo.InvariantCulture)})",
        VariablePower p => $"({p.Base} ^ {p.Exponent})",
        Call c => $"{c.Function}({c.Argument})",
        _ => GetType().Name,
    };
}
