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
            MergeProportionalSums(ref coefficient, bases, exponents);

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

        /// <summary>
        /// −e without rebuilding a canonical product: the factors keep their order and only the coefficient changes. Printers
        /// and the scheduler negate every subtracted term they meet, so the general product builder (which sorts factors
        /// by a structural order) would make that quadratic in the depth of nested expressions.
        /// </summary>
        internal static Expr Negate(Expr e)
        {
            switch (e)
            {
                case Constant c:
                    return Expr.Const(-c.Value);
                case Sum _:
                    return Build(new[] { Expr.MinusOne, e });
                case Product p when p.Coefficient == -1.0 && p.Factors.Count == 1:
                    return p.Factors[0];
                case Product p:
                    return new Product(-p.Coefficient, (Expr[])p.Factors);
                default:
                    return new Product(-1.0, new[] { e });
            }
        }

        /// <summary>
        /// The canonical product <paramref name="p"/> with its factor k replaced by <paramref name="d"/> (the product rule's
        /// terms). A constant d leaves the factor out and a leaf (a variable or an array entry) whose base no other factor
        /// has takes its sorted place: either keeps the product canonical without the general builder's flattening and
        /// sorting, which for the n² terms of a long product's Hessian is most of the work. Anything else goes through it.
        /// </summary>
        internal static Expr Replace(Product p, int k, Expr d)
        {
            var count = p.Factors.Count;
            if (d is Constant c)
            {
                var rest = new List<Expr>(count - 1);
                for (var j = 0; j < count; j++)
                    if (j != k) rest.Add(p.Factors[j]);
                if (c.Value == 0.0 || p.Coefficient * c.Value == 0.0) return Expr.Zero;
                return rest.Count < 2 ? Finish(p.Coefficient * c.Value, rest) : new Product(p.Coefficient * c.Value, rest.ToArray());
            }

            if ((d is Variable || d is Element) && count > 1)
            {
                var factors = new Expr[count];
                var n = 0;
                var placed = false;
                for (var j = 0; j < count; j++)
                {
                    if (j == k) continue;
                    var f = p.Factors[j];
                    if ((f is Power w ? w.Base : f).Equals(d)) return General(p, k, d);
                    if (!placed && ExprOrder.ProductFactors.Compare(d, f) < 0)
                    {
                        factors[n++] = d;
                        placed = true;
                    }
                    factors[n++] = f;
                }

                if (!placed) factors[n++] = d;
                return new Product(p.Coefficient, factors);
            }

            return General(p, k, d);
        }

        private static Expr General(Product p, int k, Expr d)
        {
            var factors = new Expr[p.Factors.Count + 1];
            factors[0] = Expr.Const(p.Coefficient);
            for (var j = 0; j < p.Factors.Count; j++) factors[j + 1] = j == k ? d : p.Factors[j];
            return Build(factors);
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

        /// <summary>
        /// Sums that differ by an exactly representable factor ±2^k share a base: (0.5f − 0.5y)·(f − y) = 0.5·(f − y)² and
        /// (y − f)·(f − y) = −(f − y)², so a square is a square however the user associated or signed it. Only sums raised
        /// to constant powers take part, and only when two of them meet.
        /// </summary>
        private static void MergeProportionalSums(ref double coefficient, List<Expr> bases, Dictionary<Expr, List<Expr>> exponents)
        {
            var groups = new Dictionary<Expr, List<(Expr Base, double Factor)>>();
            foreach (var b in bases)
            {
                if (!(b is Sum s) || s.Terms.Count == 0 || !exponents[b].TrueForAll(e => e is Constant)) continue;
                var lead = s.Terms[0] is Product p ? p.Coefficient : 1.0;
                if (!ExactlyScalable(lead)) continue;
                var normal = lead == 1.0 ? b : Distribute(1.0 / lead, s);
                if (!groups.TryGetValue(normal, out var members)) groups[normal] = members = new List<(Expr, double)>();
                members.Add((b, lead));
            }

            foreach (var pair in groups)
            {
                if (pair.Value.Count < 2) continue;
                var merged = new List<Expr>();
                foreach (var (b, lead) in pair.Value)
                {
                    foreach (var e in exponents[b])
                    {
                        coefficient *= System.Math.Pow(lead, ((Constant)e).Value);
                        merged.Add(e);
                    }
                    exponents.Remove(b);
                    bases.Remove(b);
                }
                if (exponents.TryGetValue(pair.Key, out var existing)) existing.AddRange(merged);
                else
                {
                    exponents.Add(pair.Key, merged);
                    bases.Add(pair.Key);
                }
            }
        }

        /// <summary>±2^k: dividing by it is exact, so normalizing a sum by it changes no value.</summary>
        private static bool ExactlyScalable(double c)
        {
            if (c == 0.0 || double.IsNaN(c) || double.IsInfinity(c)) return false;
            var m = System.Math.Abs(c);
            var k = System.Math.Round(System.Math.Log(m, 2.0));
            return System.Math.Abs(k) < 1000 && m == System.Math.Pow(2.0, k);
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
