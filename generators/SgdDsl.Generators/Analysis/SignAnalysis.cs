using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Analysis
{
    /// <summary>
    /// A conservative proof that an expression is ≥ 0 everywhere: squares and even powers, exp, softplus,
    /// sigmoid, log cosh, |x|, √x, non-negative constants, and sums, products, powers, Σ and Π built from them.
    /// "false" means "not proved", not "negative somewhere".
    /// </summary>
    internal static class SignAnalysis
    {
        public static bool IsNonNegative(Expr e)
        {
            switch (e)
            {
                case Constant c:
                    return c.Value >= 0;
                case Power p:
                    var n = p.ConstantExponent;
                    return n.HasValue && IsEvenInteger(n.Value) || n == 0.5 || IsNonNegative(p.Base);
                case FunctionCall f:
                    return f.Function == MathFunction.Exp || f.Function == MathFunction.Softplus || f.Function == MathFunction.Sigmoid ||
                           f.Function == MathFunction.LogCosh || f.Function == MathFunction.Abs;
                case Sum s:
                    if (s.Offset < 0) return false;
                    foreach (var t in s.Terms)
                        if (!IsNonNegative(t)) return false;
                    return true;
                case Product q:
                    if (q.Coefficient < 0) return false;
                    foreach (var f in q.Factors)
                        if (!IsNonNegative(f)) return false;
                    return true;
                case Reduction r:
                    return IsNonNegative(r.Body);
                case Delta _:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsEvenInteger(double x) => System.Math.Floor(x) == x && System.Math.Abs(x % 2) == 0;
    }
}
