using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Builds the canonical form of a product: flattens, folds the numeric coefficient, merges
    /// powers of a common base (x^a·x^b = x^(a+b)) and distributes a coefficient over a lone sum.
    /// </summary>
    internal static class ProductBuilder
    {
        public static Expr Build(IReadOnlyList<Expr> factors)
        {
            var coefficient = 1.0;
            var bases = new List<Expr>();
            var exponents = new Dictionary<Expr, List<Expr>>();
            foreach (var factor in factors) Accumulate(factor, ref coefficient, bases, exponents);
            if (coefficient == 0.0) return Expr.Zero;

            var merged = new List<Expr>(bases.Count);
            var needsRebuild = false;
            foreach (var b in bases)
            {
                var e = exponents[b];
                var power = e.Count == 1 ? PowerBuilder.Build(b, e[0]) : PowerBuilder.Build(b, SumBuilder.Build(e));
                if (power is Constant c) coefficient *= c.Value;
                else
                {
                    // A power that left its base ((x^−2)^−1 = x², a product) may now share a base with another factor.
                    needsRebuild |= power is Product || !(power is Power w ? w.Base : power).Equals(b);
                    merged.Add(power);
                }
            }

            if (needsRebuild)
            {
                merged.Add(Expr.Const(coefficient));
                return Build(merged);
            }

            return Finish(coefficient, merged);
        }

        /// <summary>c · m for a monomial m that is not a sum or constant.</summary>
        internal static Expr Scale(double c, Expr monomial) =>
            monomial is Product p
                ? new Product(c * p.Coefficient, (Expr[])p.Factors)
                : Finish(c, new List<Expr> { monomial });

        private static Expr Finish(double coefficient, List<Expr> factors)
        {
            if (coefficient == 0.0) return Expr.Zero;
            if (factors.Count == 0) return Expr.Const(coefficient);
            if (factors.Count == 1)
            {
                if (coefficient == 1.0) return factors[0];
                if (factors[0] is Sum s) return Distribute(coefficient, s);
            }

            var sorted = factors.ToArray();
            System.Array.Sort(sorted, ExprOrder.ProductFactors);
            return new Product(coefficient, sorted);
        }

        private static Expr Distribute(double c, Sum s)
        {
            var terms = new Expr[s.Terms.Count + 1];
            for (var i = 0; i < s.Terms.Count; i++) terms[i] = Scale(c, s.Terms[i]);
            terms[s.Terms.Count] = Expr.Const(c * s.Offset);
            return SumBuilder.Build(terms);
        }

        private static void Accumulate(Expr factor, ref double coefficient, List<Expr> bases, Dictionary<Expr, List<Expr>> exponents)
        {
            switch (factor)
            {
                case Constant c:
                    coefficient *= c.Value;
                    return;
                case Product p:
                    coefficient *= p.Coefficient;
                    foreach (var f in p.Factors) Accumulate(f, ref coefficient, bases, exponents);
                    return;
                case Power w:
                    AddExponent(w.Base, w.Exponent, bases, exponents);
                    return;
                default:
                    AddExponent(factor, Expr.One, bases, exponents);
                    return;
            }
        }

        private static void AddExponent(Expr b, Expr e, List<Expr> bases, Dictionary<Expr, List<Expr>> exponents)
        {
            if (!exponents.TryGetValue(b, out var list))
            {
                list = new List<Expr>();
                exponents.Add(b, list);
                bases.Add(b);
            }

            list.Add(e);
        }
    }
}
