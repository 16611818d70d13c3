namespace SgdDsl.Symbolics.Tests.Support;

/// <summary>A computed value with a rigorous-to-first-order bound on its absolute rounding error.</summary>
internal readonly record struct Approximation(double Value, double Error)
{
    public bool IsFinite => double.IsFinite(Value) && double.IsFinite(Error);

    /// <summary>
    /// True when rounding may have moved the value by at most <paramref name="relative"/>·max(1, |value|):
    /// there an algebraic mistake, which changes the value by O(1), cannot hide inside rounding.
    /// </summary>
    public bool IsWellConditioned(double relative) =>
        IsFinite && Error <= relative * Math.Max(1.0, Math.Abs(Value));
}

/// <summary>
/// Evaluates a <see cref="Term"/> directly, with the textbook definitions of the functions (not the
/// overflow-safe forms of <see cref="Evaluator"/>), and carries a forward error bound: each operation
/// adds its own rounding and propagates its operands' errors through a bound on its slope.
/// </summary>
internal static class ReferenceEvaluator
{
    /// <summary>Unit roundoff: a correctly rounded operation errs by at most U·|result|.</summary>
    public const double U = 1.0 / (1L << 53);

    public static Approximation Evaluate(Term t, IReadOnlyDictionary<string, double> values)
    {
        switch (t)
        {
            case Term.Number n:
                return new(n.Value, 0.0);
            case Term.Symbol s:
                return new(values[s.Name], 0.0);
            case Term.Negate n:
                var o = Evaluate(n.Operand, values);
                return new(-o.Value, o.Error);
            case Term.Plus or Term.Minus:
            {
                var (l, r) = Operands(t, values);
                var v = t is Term.Plus ? l.Value + r.Value : l.Value - r.Value;
                // Rounding charged on the operands' magnitudes, not the result's, so the bound also
                // covers the same terms summed in another order (the simplifier sorts sums).
                return new(v, l.Error + r.Error + U * (Math.Abs(l.Value) + Math.Abs(r.Value)));
            }
            case Term.Times:
            {
                var (l, r) = Operands(t, values);
                var v = l.Value * r.Value;
                return new(v, Math.Abs(l.Value) * r.Error + Math.Abs(r.Value) * l.Error + l.Error * r.Error + Rounding(v));
            }
            case Term.Divide:
            {
                var (l, r) = Operands(t, values);
                var v = l.Value / r.Value;
                var margin = Math.Abs(r.Value) - r.Error;
                if (!(margin > 0)) return new(v, double.PositiveInfinity);
                return new(v, (l.Error + Math.Abs(v) * r.Error) / margin + Rounding(v));
            }
            case Term.Power p:
                return ConstantPower(Evaluate(p.Base, values), p.Exponent);
            case Term.VariablePower p:
                return VariablePower(Evaluate(p.Base, values), Evaluate(p.Exponent, values));
            case Term.Call c:
                return Call(c.Function, Evaluate(c.Argument, values));
            default:
                throw new InvalidOperationException(t.GetType().Name);
        }
    }

    /// <summary>The textbook definition of each function.</summary>
    public static double Apply(MathFunction f, double x) => f switch
    {
        MathFunction.Exp => Math.Exp(x),
        MathFunction.Log => Math.Log(x),
        MathFunction.Sin => Math.Sin(x),
        MathFunction.Cos => Math.Cos(x),
        MathFunction.Tan => Math.Tan(x),
        MathFunction.Tanh => Math.Tanh(x),
        MathFunction.Atan => Math.Atan(x),
        MathFunction.Sigmoid => 1.0 / (1.0 + Math.Exp(-x)),
        MathFunction.Softplus => Math.Log(1.0 + Math.Exp(x)),
        MathFunction.LogCosh => Math.Log(Math.Cosh(x)),
        MathFunction.Abs => Math.Abs(x),
        MathFunction.Sign => Math.Sign(x),
        MathFunction.Cosh => Math.Cosh(x),
        MathFunction.Sinh => Math.Sinh(x),
        MathFunction.Asinh => Math.Asinh(x),
        MathFunction.Acosh => Math.Acosh(x),
        MathFunction.Atanh => Math.Atanh(x),
        MathFunction.Asin => Math.Asin(x),
        MathFunction.Acos => Math.Acos(x),
        MathFunction.Cbrt => Math.Cbrt(x),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    private static (Approximation Left, Approximation Right) Operands(Term t, IReadOnlyDictionary<string, double> values) => t switch
    {
        Term.Plus p => (Evaluate(p.Left, values), Evaluate(p.Right, values)),
        Term.Minus m => (Evaluate(m.Left, values), Evaluate(m.Right, values)),
        Term.Times m => (Evaluate(m.Left, values), Evaluate(m.Right, values)),
        Term.Divide d => (Evaluate(d.Left, values), Evaluate(d.Right, values)),
        _ => throw new InvalidOperationException(t.GetType().Name),
    };

    private static Approximation ConstantPower(Approximation b, double p)
    {
        var v = Math.Pow(b.Value, p);
        if (b.Error == 0.0) return new(v, 2 * Rounding(v));
        var a = Math.Abs(b.Value);
        var low = a - b.Error;
        // Within the error interval the base must not reach 0, where x^p is singular or not smooth.
        if (!(low > 0)) return new(v, double.PositiveInfinity);
        // Mean value theorem: |p|·max|x^(p−1)| over the interval bounds the slope.
        var slope = Math.Abs(p) * Math.Max(Math.Pow(low, p - 1), Math.Pow(a + b.Error, p - 1));
        return new(v, slope * b.Error + 2 * Rounding(v));
    }

    private static Approximation VariablePower(Approximation b, Approximation e)
    {
        // b^e with a symbolic exponent is only defined for b > 0 (its derivative needs log b).
        if (!(b.Value > 0)) return new(double.NaN, double.PositiveInfinity);
        var v = Math.Pow(b.Value, e.Value);
        if (b.Error >= b.Value) return new(v, double.PositiveInfinity);
        var dBase = Math.Abs(e.Value) * Math.Pow(b.Value, e.Value - 1);
        var dExponent = Math.Abs(v * Math.Log(b.Value));
        return new(v, dBase * b.Error + dExponent * e.Error + 2 * Rounding(v));
    }

    private static Approximation Call(MathFunction f, Approximation x)
    {
        var v = Apply(f, x.Value);
        double slope;
        switch (f)
        {
            case MathFunction.Exp:
                slope = Math.Exp(x.Value + x.Error);
                break;
            case MathFunction.Log:
                var low = x.Value - x.Error;
                slope = low > 0 ? 1.0 / low : double.PositiveInfinity;
                break;
            case MathFunction.Tan:
                // First order; where this matters the error is already far too large to be checked.
                slope = 2 * (1 + v * v);
                break;
            case MathFunction.Sigmoid:
                slope = 0.25;
                break;
            case MathFunction.Cosh or MathFunction.Sinh:
                // |cosh′|, |sinh′| ≤ cosh|x| grow with |x|.
                slope = Math.Cosh(Math.Abs(x.Value) + x.Error);
                break;
            case MathFunction.Sin or MathFunction.Cos or MathFunction.Tanh or MathFunction.Atan or MathFunction.Softplus or MathFunction.LogCosh
                or MathFunction.Asinh or MathFunction.Abs or MathFunction.Sign:
                // |f′| ≤ 1 (|x| and sign x are not sampled where their slopes jump).
                slope = 1.0;
                break;
            default:
                // acosh, atanh, arcsin, arccos and ∛ have unbounded slopes at the ends of their domains (or at 0);
                // the random trees leave them out (see ExprGenerators.Functions).
                throw new ArgumentOutOfRangeException(nameof(f), f, "No slope bound.");
        }

        var propagated = x.Error == 0.0 ? 0.0 : slope * x.Error;
        // A library call errs by ≤ 1 ulp; the composite definitions (σ, softplus, log cosh) by a few
        // ulps of max(1, |f|) because they add 1 before dividing or taking a logarithm.
        // The engine's asinh is a formula (netstandard2.0 has no Math.Asinh) within 3 ulps of Math.Asinh.
        var own = f is MathFunction.Sigmoid or MathFunction.Softplus or MathFunction.LogCosh
            ? 8 * U * (1 + Math.Abs(v))
            : f is MathFunction.Asinh ? 4 * Rounding(v) : 2 * Rounding(v);
        return new(v, propagated + own);
    }

    /// <summary>The rounding error of one correctly rounded result, including the subnormal range.</summary>
    private static double Rounding(double v) => Math.Max(U * Math.Abs(v), double.Epsilon);
}
