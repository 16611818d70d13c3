using System;

namespace SgdDsl.Symbolics
{
    /// <summary>Builds the canonical form of b^e.</summary>
    internal static class PowerBuilder
    {
        public static Expr Build(Expr b, Expr e)
        {
            if (e.IsConstant(0.0)) return Expr.One;
            if (e.IsConstant(1.0)) return b;
            if (b.IsConstant(1.0)) return Expr.One;

            if (b is Constant cb && e is Constant ce)
            {
                var value = Math.Pow(cb.Value, ce.Value);
                if (FunctionCall.IsFinite(value)) return Expr.Const(value);
            }

            if (e is Constant { Value: var n } && IsInteger(n))
            {
                if (b is Delta && n > 0) return b; // δ is 0 or 1, so δⁿ = δ.
                // (x^a)^n = x^(a·n) and (c·x·y)^n = c^n·x^n·y^n hold for integer n; not for n = 1/2.
                if (b is Power inner) return Build(inner.Base, Expr.Multiply(inner.Exponent, e));
                if (b is Product p)
                {
                    var factors = new Expr[p.Factors.Count + 1];
                    factors[0] = Expr.Const(Math.Pow(p.Coefficient, n));
                    for (var i = 0; i < p.Factors.Count; i++) factors[i + 1] = Build(p.Factors[i], e);
                    return Expr.Multiply(factors);
                }
            }

            return new Power(b, e);
        }

        internal static bool IsInteger(double x) => Math.Abs(x) < 1e15 && Math.Floor(x) == x;
    }
}
