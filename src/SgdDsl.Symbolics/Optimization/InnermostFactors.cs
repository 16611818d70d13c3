using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Collects an output's terms by what they take from its innermost loop. A Hessian-vector product entry
    /// (H v)_{W[p, q]} = a_p·x_q − b_p·x_q + c_p·x_q costs three multiplications per entry even with each a_p computed
    /// once per row; as (a_p − b_p + c_p)·x_q it costs one, the bracket being computed once per row, as a person writing
    /// the loop would. The rewrite is exact algebra on canonical expressions (only rounding differs).
    /// </summary>
    internal static class InnermostFactors
    {
        /// <summary>The families with each value's terms collected by their factors in the family's innermost index.</summary>
        public static IReadOnlyList<OutputFamily> Collect(IReadOnlyList<OutputFamily> families) =>
            families.Select(f => f.Indices.Count == 0 ? f : Collected(f, Collect(f.Value, f.Indices[f.Indices.Count - 1]))).ToList();

        private static OutputFamily Collected(OutputFamily f, Expr value) =>
            ReferenceEquals(value, f.Value) ? f : new OutputFamily(f.Indices, value, f.Target);

        /// <summary>
        /// <paramref name="e"/> = Σ_t o_t·i_t, where i_t is the product of the factors of term t that depend on
        /// <paramref name="index"/>, as Σ_g (Σ_{t in g} o_t)·i_g over the distinct i_g; e itself when no two terms share one.
        /// </summary>
        internal static Expr Collect(Expr e, IndexSymbol index)
        {
            if (!(e is Sum s) || s.Terms.Count < 2) return e;
            var groups = new Dictionary<Expr, List<(Expr Term, Expr Outer)>>();
            var order = new List<Expr>();
            foreach (var term in s.Terms)
            {
                var (outer, inner) = Split(term, index);
                if (!groups.TryGetValue(inner, out var members))
                {
                    groups[inner] = members = new List<(Expr, Expr)>();
                    order.Add(inner);
                }

                members.Add((term, outer));
            }

            if (order.Count == s.Terms.Count) return e;
            var terms = order.Select(inner => groups[inner] is var g && g.Count == 1
                ? g[0].Term
                : Expr.Multiply(Expr.Add(g.Select(m => m.Outer).ToArray()), inner)).ToList();
            terms.Add(Expr.Const(s.Offset));
            return Expr.Add(terms.ToArray());
        }

        /// <summary>(the coefficient and factors free of <paramref name="index"/>, the product of the others).</summary>
        private static (Expr Outer, Expr Inner) Split(Expr term, IndexSymbol index)
        {
            if (!(term is Product p)) return term.FreeIndices.Contains(index) ? (Expr.One, term) : (term, Expr.One);
            var outer = new List<Expr> { Expr.Const(p.Coefficient) };
            var inner = new List<Expr>();
            foreach (var factor in p.Factors)
                (factor.FreeIndices.Contains(index) ? inner : outer).Add(factor);
            return (Expr.Multiply(outer.ToArray()), Expr.Multiply(inner.ToArray()));
        }
    }
}
