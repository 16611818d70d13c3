using System;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Analysis
{
    /// <summary>
    /// A conservative proof that an expression is ≥ 0 everywhere, by a lower bound computed bottom-up:
    /// constants, squares and even powers, the range of each function (<see cref="FunctionInfo.RangeLow"/>:
    /// exp, σ, softplus, log cosh, |x|, arccos ≥ 0, cosh ≥ 1) or its monotonicity (tanh, sinh, log, … of a
    /// bounded argument), and sums, positive multiples and products of non-negative factors, powers, Σ and Π.
    /// So cosh r − 1 ≥ 0 is proved. Bounds are computed in doubles; "false" means "not proved", not
    /// "negative somewhere".
    /// </summary>
    internal static class SignAnalysis
    {
        public static bool IsNonNegative(Expr e) => LowerBound(e) >= 0;

        /// <summary>A number ≤ e wherever e is defined, or −∞.</summary>
        private static double LowerBound(Expr e)
        {
            switch (e)
            {
                case Constant c:
                    return c.Value;
                case Power p:
                    return PowerBound(p);
                case FunctionCall f:
                    return FunctionCatalogue.Of(f.Function).LowerBound(LowerBound(f.Argument));
                case Sum s:
                    var sum = s.Offset;
                    foreach (var t in s.Terms) sum += LowerBound(t);
                    return double.IsNaN(sum) ? double.NegativeInfinity : sum;
                case Product q:
                    // Without upper bounds, only a positive multiple of non-negative factors is bounded below.
                    if (q.Coefficient < 0) return double.NegativeInfinity;
                    var product = q.Coefficient;
                    foreach (var f in q.Factors)
                    {
                        var low = LowerBound(f);
                        if (!(low >= 0)) return double.NegativeInfinity;
                        product *= low;
                    }

                    return product;
                case IndexedSum r:
                    return r.Bound.Range * LowerBound(r.Body);
                case IndexedProduct r:
                    var body = LowerBound(r.Body);
                    return body >= 0 ? Math.Pow(body, r.Bound.Range) : double.NegativeInfinity;
                case Delta _:
                    return 0;
                default:
                    return double.NegativeInfinity;
            }
        }

        private static double PowerBound(Power p)
        {
            var n = p.ConstantExponent;
            var low = LowerBound(p.Base);
            // b^n grows with b ≥ 0 for n > 0; otherwise a non-negative base still gives a non-negative power.
            if (low >= 0) return n > 0 ? Math.Pow(low, n.Value) : 0;
            // Even powers are squares; √ is real only where its radicand is non-negative.
            return n.HasValue && IsEvenInteger(n.Value) || n == 0.5 ? 0 : double.NegativeInfinity;
        }

        private static bool IsEvenInteger(double x) => Math.Floor(x) == x && Math.Abs(x % 2) == 0;
    }
}
