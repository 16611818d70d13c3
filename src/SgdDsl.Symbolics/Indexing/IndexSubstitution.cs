using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Replaces an index by an affine form throughout an expression, rebuilding (and so re-simplifying)
    /// every node on the way. No capture can occur: bound indices are named above every index bound inside them and
    /// every canonical index free in their body, and a substituted form only mentions indices free at the point of
    /// substitution.
    /// </summary>
    public static class IndexSubstitution
    {
        public static Expr Substitute(Expr e, IndexSymbol index, Affine value) =>
            new Rewriter(index, value).Rewrite(e);

        /// <summary>
        /// The substitution as a function that remembers every node it rewrote, so substituting into many overlapping
        /// expressions (every subexpression of a chain) costs the size of their union, not the sum of their sizes.
        /// </summary>
        internal static Func<Expr, Expr> Remembering(IndexSymbol index, Affine value) => new Rewriter(index, value).Rewrite;

        private sealed class Rewriter
        {
            private readonly IndexSymbol _index;
            private readonly Affine _value;
            private readonly Dictionary<Expr, Expr> _memo = new Dictionary<Expr, Expr>();

            public Rewriter(IndexSymbol index, Affine value)
            {
                _index = index;
                _value = value;
            }

            public Expr Rewrite(Expr e)
            {
                if (!e.DependsOn(_index)) return e;
                if (_memo.TryGetValue(e, out var done)) return done;
                var result = RewriteNode(e);
                _memo[e] = result;
                return result;
            }

            private Expr RewriteNode(Expr e)
            {
                switch (e)
                {
                    case Element el: return el.Substitute(_index, _value);
                    case Delta d: return Delta.Of(d.Difference.Substitute(_index, _value), Affine.Of(0));
                    case Sum s: return Expr.Add(Map(s.Children));
                    case Product p: return Expr.Multiply(Map(p.Children));
                    case Power w: return Expr.Pow(Rewrite(w.Base), Rewrite(w.Exponent));
                    case FunctionCall f: return Expr.Apply(f.Function, Rewrite(f.Argument));
                    case IndexedSum r: return IndexedSum.Build(r.Bound, Rewrite(r.Body));
                    case IndexedProduct r: return IndexedProduct.Build(r.Bound, Rewrite(r.Body));
                    default: throw new InvalidOperationException($"Unexpected {e.Kind} depending on an index.");
                }
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
