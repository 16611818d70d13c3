using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>The total order that makes sorted sums and products canonical.</summary>
    internal static class ExprOrder
    {
        /// <summary>Product factors: by base, so a·b²·x reads in alphabetical order.</summary>
        public static readonly IComparer<Expr> ProductFactors = Comparer<Expr>.Create((x, y) =>
        {
            var c = Compare(BaseOf(x), BaseOf(y));
            return c != 0 ? c : Compare(x, y);
        });

        /// <summary>Sum terms: higher degree first (a·b·x − y), then by the monomial.</summary>
        public static readonly IComparer<Expr> SumTerms = Comparer<Expr>.Create((x, y) =>
        {
            var c = Degree(y).CompareTo(Degree(x));
            if (c != 0) return c;
            c = CompareMonomials(x, y);
            return c != 0 ? c : Compare(x, y);
        });

        /// <summary>Compare(Monomial(x), Monomial(y)) without building the monomials of two products (their factor lists).</summary>
        private static int CompareMonomials(Expr x, Expr y) =>
            x is Product { Factors.Count: > 1 } px && y is Product { Factors.Count: > 1 } py
                ? CompareSequences(px.Factors, py.Factors)
                : Compare(Monomial(x), Monomial(y));

        public static int Compare(Expr x, Expr y)
        {
            if (ReferenceEquals(x, y)) return 0;
            var c = x.Kind.CompareTo(y.Kind);
            if (c != 0) return c;
            switch (x)
            {
                case Constant cx:
                    return cx.Value.CompareTo(((Constant)y).Value);
                case Variable vx:
                    return string.CompareOrdinal(vx.Name, ((Variable)y).Name);
                case Element ex:
                    var ey = (Element)y;
                    c = string.CompareOrdinal(ex.Array, ey.Array);
                    if (c != 0) return c;
                    for (var i = 0; i < Math.Min(ex.Subscripts.Count, ey.Subscripts.Count) && c == 0; i++)
                        c = string.CompareOrdinal(ex.Subscripts[i].ToString(), ey.Subscripts[i].ToString());
                    return c != 0 ? c : ex.Subscripts.Count.CompareTo(ey.Subscripts.Count);
                case Delta dx:
                    return string.CompareOrdinal(dx.Difference.ToString(), ((Delta)y).Difference.ToString());
                case Reduction rx:
                    c = rx.Bound.CompareTo(((Reduction)y).Bound);
                    return c != 0 ? c : Compare(rx.Body, ((Reduction)y).Body);
                case FunctionCall fx:
                    var fy = (FunctionCall)y;
                    c = fx.Function.CompareTo(fy.Function);
                    if (c != 0) return c;
                    // Shallower arguments first: the calls of one chain (the factors of its derivative) then compare
                    // in one step instead of walking both chains down, which made d/dx exp(exp(…)) cubic in the depth.
                    c = fx.Argument.Height.CompareTo(fy.Argument.Height);
                    return c != 0 ? c : Compare(fx.Argument, fy.Argument);
                default:
                    return CompareSequences(x.Children, y.Children);
            }
        }

        private static int CompareSequences(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b)
        {
            var n = Math.Min(a.Count, b.Count);
            for (var i = 0; i < n; i++)
            {
                var c = Compare(a[i], b[i]);
                if (c != 0) return c;
            }

            return a.Count.CompareTo(b.Count);
        }

        private static Expr BaseOf(Expr e) => e is Power p ? p.Base : e;

        private static Expr Monomial(Expr e) => e is Product p ? p.WithoutCoefficient() : e;

        internal static double Degree(Expr e)
        {
            switch (e)
            {
                case Product p:
                    return p.Degree;
                case Power w:
                    return w.ConstantExponent ?? 1.0;
                default:
                    return 1.0;
            }
        }
    }
}
