using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Multiplies out products of sums and small integer powers of sums, so that two expressions equal as
    /// polynomials in their subexpressions have equal expansions: b·x·(a·b·x − y) and a·b²·x² − b·x·y expand
    /// alike. Function arguments are expanded too. A term budget stops runaway growth.
    /// </summary>
    public static class Expansion
    {
        /// <summary>The expansion of <paramref name="e"/>, or null when it would exceed <paramref name="maxTerms"/> terms.</summary>
        public static Expr? Expand(Expr e, int maxTerms = 2000)
        {
            try
            {
                return new Expander(maxTerms).Run(e);
            }
            catch (TooLargeException)
            {
                return null;
            }
        }

        private sealed class TooLargeException : System.Exception
        {
        }

        private sealed class Expander
        {
            private readonly int _maxTerms;
            private readonly Dictionary<Expr, Expr> _memo = new Dictionary<Expr, Expr>();

            public Expander(int maxTerms) => _maxTerms = maxTerms;

            public Expr Run(Expr e)
            {
                if (_memo.TryGetValue(e, out var done)) return done;
                var result = ExpandNode(e);
                if (result is Sum s && s.Terms.Count > _maxTerms) throw new TooLargeException();
                _memo[e] = result;
                return result;
            }

            private Expr ExpandNode(Expr e)
            {
                switch (e)
                {
                    case Sum s:
                        var terms = new List<Expr> { Expr.Const(s.Offset) };
                        foreach (var t in s.Terms) terms.Add(Run(t));
                        return Expr.Add(terms.ToArray());
                    case Product p:
                        var product = Expr.Const(p.Coefficient);
                        foreach (var f in p.Factors) product = Distribute(product, Run(f));
                        return product;
                    case Power w when w.ConstantExponent is double n && n >= 2 && n <= 8 && System.Math.Floor(n) == n:
                        var b = Run(w.Base);
                        if (!(b is Sum)) return Expr.Pow(b, w.Exponent);
                        var power = b;
                        for (var k = 1; k < n; k++) power = Distribute(power, b);
                        return power;
                    case Power w:
                        return Expr.Pow(Run(w.Base), Run(w.Exponent));
                    case FunctionCall f:
                        return Expr.Apply(f.Function, Run(f.Argument));
                    default:
                        return e;
                }
            }

            /// <summary>a·b with every sum in a and b multiplied out.</summary>
            private Expr Distribute(Expr a, Expr b)
            {
                var left = a is Sum sa ? Terms(sa) : new List<Expr> { a };
                var right = b is Sum sb ? Terms(sb) : new List<Expr> { b };
                if (left.Count * right.Count > _maxTerms) throw new TooLargeException();
                var products = new List<Expr>(left.Count * right.Count);
                foreach (var x in left)
                    foreach (var y in right) products.Add(Expr.Multiply(x, y));
                return Expr.Add(products.ToArray());
            }

            private static List<Expr> Terms(Sum s)
            {
                var terms = new List<Expr>(s.Terms);
                if (s.Offset != 0) terms.Add(Expr.Const(s.Offset));
                return terms;
            }
        }
    }
}
