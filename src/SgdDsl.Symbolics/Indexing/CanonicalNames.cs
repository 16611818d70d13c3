using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Renames every Σ/Π whose bound index is no longer the least canonical name for its body. A bound index is moved
    /// above a canonical index free in its body to avoid capture (<see cref="Reduction"/>); when simplification later
    /// removes that free index without a substitution (a factor cancelling, a delta collapsing by value), the name stays
    /// higher than the one the same expression gets when built afresh (by the parser, for instance), and equal
    /// expressions would compare unequal. Rebuilding the reductions from the inside out restores the names.
    /// </summary>
    internal static class CanonicalNames
    {
        public static Expr Of(Expr e) => new Renamer().Rewrite(e);

        private sealed class Renamer
        {
            private readonly Dictionary<Expr, Expr> _memo = new Dictionary<Expr, Expr>();

            public Expr Rewrite(Expr e)
            {
                if (e.MaxBoundNumber < 0) return e;
                if (_memo.TryGetValue(e, out var done)) return done;
                return _memo[e] = e switch
                {
                    Sum s => Expr.Add(Map(s.Children)),
                    Product p => Expr.Multiply(Map(p.Children)),
                    Power w => Expr.Pow(Rewrite(w.Base), Rewrite(w.Exponent)),
                    FunctionCall f => Expr.Apply(f.Function, Rewrite(f.Argument)),
                    IndexedSum r => IndexedSum.Build(r.Bound, Rewrite(r.Body)),
                    IndexedProduct r => IndexedProduct.Build(r.Bound, Rewrite(r.Body)),
                    _ => e,
                };
            }

            private Expr[] Map(IReadOnlyList<Expr> items)
            {
                var result = new Expr[items.Count];
                for (var i = 0; i < result.Length; i++) result[i] = Rewrite(items[i]);
                return result;
            }
        }
    }
}
