using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Π_{i ∉ E} f(i), the product with the factors at the excluded positions E left out: what differentiating a product
    /// leaves (∂/∂w_p Π_k w_k = Π_{k ≠ p} w_k), written without dividing by the factor, which may be zero. It is an
    /// ordinary <see cref="IndexedProduct"/> whose body is 1 at each excluded position,
    /// f(i) + (1 − f(i))·(1 − Π_{e ∈ E} (1 − δ(i − e))), so it evaluates, prints and parses as one; this class builds
    /// that body from (f, E) and recovers (f, E) from it, and <see cref="IndexedProduct.Build"/> keeps E a set, so
    /// excluding a position twice (r = p in Π_{i ∉ {p, r}}) is excluding it once.
    /// </summary>
    public static class ExclusiveProduct
    {
        /// <summary>Π_{index ∉ excluded} factor.</summary>
        public static Expr Of(IndexSymbol index, Expr factor, IEnumerable<Affine> excluded) =>
            IndexedProduct.Build(index, Body(index, factor, Distinct(excluded)));

        /// <summary>
        /// The factor f and the excluded positions E of a product over <paramref name="index"/> with body
        /// <paramref name="body"/>, found by value: a delta δ(index − e) with the body 1 where it is 1 excludes e.
        /// False when nothing is excluded.
        /// </summary>
        public static bool TryParse(IndexSymbol index, Expr body, out Expr factor, out IReadOnlyList<Affine> excluded)
        {
            var found = new List<Affine>();
            factor = body;
            for (var more = true; more;)
            {
                more = false;
                foreach (var delta in DeltasOf(factor, index))
                {
                    if (!Replace(factor, delta, Expr.One).IsConstant(1.0)) continue;
                    var c = delta.Difference.CoefficientOf(index);
                    found.Add(-c * delta.Difference.Substitute(index, Affine.Of(0)));
                    factor = Replace(factor, delta, Expr.Zero);
                    more = true;
                    break;
                }
            }

            excluded = Distinct(found);
            return found.Count > 0;
        }

        /// <summary>The body of Π_{index ∉ excluded} factor: 1 at each excluded position, the factor elsewhere.</summary>
        internal static Expr Body(IndexSymbol index, Expr factor, IReadOnlyList<Affine> excluded)
        {
            if (excluded.Count == 0) return factor;
            var kept = excluded.Select(e => Expr.One - Delta.Of(Affine.Of(index), e)).ToArray();
            var skipped = Expr.One - Expr.Multiply(kept);
            return factor + (Expr.One - factor) * skipped;
        }

        /// <summary>The positions once each, in a fixed order, so equal sets give equal bodies.</summary>
        private static IReadOnlyList<Affine> Distinct(IEnumerable<Affine> positions) =>
            positions.Distinct().OrderBy(a => a.ToString(), StringComparer.Ordinal).ToArray();

        /// <summary>The deltas of <paramref name="e"/> that <paramref name="index"/> solves (coefficient ±1).</summary>
        private static IEnumerable<Delta> DeltasOf(Expr e, IndexSymbol index)
        {
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>();
            stack.Push(e);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (!x.DependsOn(index) || !seen.Add(x)) continue;
                if (x is Delta d && Math.Abs(d.Difference.CoefficientOf(index)) == 1) yield return d;
                // A delta inside a nested reduction belongs to that reduction's own exclusions.
                if (!(x is Reduction)) foreach (var child in x.Children) stack.Push(child);
            }
        }

        /// <summary><paramref name="e"/> with <paramref name="delta"/> replaced by <paramref name="with"/>, re-simplified.</summary>
        internal static Expr Replace(Expr e, Delta delta, Expr with)
        {
            var memo = new Dictionary<Expr, Expr>();
            var marker = delta.Difference.Terms[0].Key;
            Expr Rewrite(Expr x)
            {
                if (x.Equals(delta)) return with;
                if (!x.DependsOn(marker) || x.Children.Count == 0) return x;
                if (memo.TryGetValue(x, out var done)) return done;
                var children = x.Children.Select(Rewrite).ToArray();
                return memo[x] = x switch
                {
                    Sum _ => Expr.Add(children),
                    Product _ => Expr.Multiply(children),
                    Power _ => Expr.Pow(children[0], children[1]),
                    FunctionCall f => Expr.Apply(f.Function, children[0]),
                    IndexedSum r => IndexedSum.Build(r.Bound, children[0]),
                    IndexedProduct r => IndexedProduct.Build(r.Bound, children[0]),
                    _ => throw new InvalidOperationException($"Unexpected {x.Kind} with children."),
                };
            }

            return Rewrite(e);
        }
    }
}
