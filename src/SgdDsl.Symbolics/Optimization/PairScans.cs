using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Π_{k ∉ {p, r}} f(k) for every r at once, inside the loop over p (a Hessian entry of Π_k w_k): within each p, the
    /// prefix Q[m] = Π_{k &lt; m, k ≠ p} f(k) and the suffix T[m] = Π_{k &gt; m, k ≠ p} f(k) of the sequence with p's factor
    /// left out (a factor 1 there, no division) give Q[r]·T[r] for every r ≠ p. Two passes of O(L) per p make the whole
    /// Hessian O(L²), where a product loop per (p, r) that skips the two factors costs O(L³).
    /// </summary>
    public sealed partial class LoopScheduler
    {
        /// <summary>The prefix and suffix tables of each pair-scanned product, by the product and the loop over p that fills them.</summary>
        private readonly Dictionary<(Expr, Scope), (Table Prefix, Table Suffix)> _pairScans = new Dictionary<(Expr, Scope), (Table, Table)>();

        /// <summary>The product as Q[r]·T[r] when it has the form above and r's loop runs inside p's; null otherwise.</summary>
        private Operand? PairScanned(IndexedProduct x, Scope use)
        {
            if (!(PairForm(x, use) is var (outer, inner, f)) || !(use.BindingOf(outer) is { } p)) return null;
            if (!_pairScans.TryGetValue((x, p), out var tables))
            {
                var last = Affine.Of(inner.Range - 1) - Affine.Of(inner);
                // Filled in p's loop, over r's index (bound only inside it), before r's loop runs.
                tables = (Scan(p, inner, fill => new ExceptAt(inner, new[] { Affine.Of(outer) }, Text(IndexSubstitution.Substitute(f, x.Bound, Affine.Of(inner)), fill)), "prefix"),
                          Scan(p, inner, fill => new ExceptAt(inner, new[] { Affine.Of(inner.Range - 1) - Affine.Of(outer) }, Text(IndexSubstitution.Substitute(f, x.Bound, last), fill)), "suffix"));
                _pairScans[(x, p)] = tables;
            }

            var home = Home(x, use);
            var product = new Intermediate(_temporaries++);
            home.Statements.Add(new Let(product, new SplitProduct(new TableEntry(tables.Prefix, inner), new ReversedTableEntry(tables.Suffix, inner))));
            home.Names[x] = product;
            return product;
        }

        /// <summary>
        /// (p, r, f) when <paramref name="x"/> = Π_{k ∉ {p, r}} f(k) with f a function of k alone, p and r indices of its
        /// range, and r bound by a loop nested inside p's (so p's loop can fill the tables r's loop reads); else null.
        /// </summary>
        private static (IndexSymbol Outer, IndexSymbol Inner, Expr Factor)? PairForm(IndexedProduct x, Scope use)
        {
            if (!ExclusiveProduct.TryParse(x.Bound, x.Body, out var f, out var excluded) || excluded.Count != 2) return null;
            if (!f.FreeIndices.All(i => i.Equals(x.Bound))) return null;
            var indices = excluded.Select(e => e.Constant == 0 && e.Terms.Count == 1 && e.Terms[0].Value == 1 ? e.Terms[0].Key : null).ToList();
            if (indices.Any(i => i == null || i.Range != x.Bound.Range) || indices[0]!.Equals(indices[1])) return null;
            var (a, b) = (use.BindingOf(indices[0]!), use.BindingOf(indices[1]!));
            if (a == null || b == null) return null;
            // The scope nearer the method body binds the outer index.
            for (var s = b.Parent; s != null; s = s.Parent)
                if (s == a) return (indices[0]!, indices[1]!, f);
            for (var s = a.Parent; s != null; s = s.Parent)
                if (s == b) return (indices[1]!, indices[0]!, f);
            return null;
        }
    }
}
