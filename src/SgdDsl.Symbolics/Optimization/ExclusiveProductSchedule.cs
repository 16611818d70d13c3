using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// How the scheduler computes exclusive products Π_{i ∉ E} f(i) (what differentiating Π f leaves). With one
    /// excluded position m and a factor that depends on nothing but i, every m at once from two running products filled
    /// at the method body, the prefix P[m] = Π_{k &lt; m} f(k) and the suffix S[m] = Π_{k &gt; m} f(k): Π_{k ≠ m} f(k) =
    /// P[m]·S[m], O(L) for all m where a loop per m costs O(L²), and exact when some f(k) is zero (no division). Any other
    /// exclusive product is a product loop whose factor is 1 at the excluded positions (<see cref="ExceptAt"/>), never
    /// a multiplication by a 0/1 delta.
    /// </summary>
    public sealed partial class LoopScheduler
    {
        /// <summary>Prefix and suffix tables of each scanned product, by its key (its excluded index as the placeholder).</summary>
        private readonly Dictionary<Expr, (Table Prefix, Table Suffix)> _scans = new Dictionary<Expr, (Table, Table)>();

        /// <summary>The excluded index m of Π_{i ≠ m} f(i) when it is computed from prefix and suffix tables, else null.</summary>
        private static IndexSymbol? ScanIndex(IndexedProduct x, out Expr factor)
        {
            factor = x.Body;
            if (!ExclusiveProduct.TryParse(x.Bound, x.Body, out var f, out var excluded) || excluded.Count != 1) return null;
            factor = f;
            var e = excluded[0];
            if (e.Constant != 0 || e.Terms.Count != 1 || e.Terms[0].Value != 1) return null;
            var m = e.Terms[0].Key;
            return m.Range == x.Bound.Range && f.FreeIndices.All(i => i.Equals(x.Bound)) ? m : null;
        }

        /// <summary>Π_{i ≠ m} f(i) as P[m]·S[m] in the scope binding m, filling the two tables the first time; null when it is not scanned.</summary>
        private Operand? Scanned(IndexedProduct x, Scope use)
        {
            if (!(ScanIndex(x, out var f) is { } m)) return null;
            var key = Key(x)!;
            if (!_scans.TryGetValue(key, out var tables))
            {
                var last = Affine.Of(m.Range - 1) - Affine.Of(m);
                tables = (Scan(use.Root, m, IndexSubstitution.Substitute(f, x.Bound, Affine.Of(m)), "prefix"),
                          Scan(use.Root, m, IndexSubstitution.Substitute(f, x.Bound, last), "suffix"));
                _scans[key] = tables;
            }

            var home = Home(x, use);
            var product = new Intermediate(_temporaries++);
            home.Statements.Add(new Let(product, new SplitProduct(new TableEntry(tables.Prefix, m), new ReversedTableEntry(tables.Suffix, m))));
            home.Names[x] = product;
            return product;
        }

        /// <summary>table[m] = Π_{k &lt; m} value(k): a running product stored before each factor joins it, in a loop at the method body.</summary>
        private Table Scan(Scope root, IndexSymbol m, Expr value, string role) => Scan(root, m, fill => Text(value, fill), role);

        /// <summary>table[m] = Π_{k &lt; m} factor(k), the factor computed in the loop's scope, in a loop placed in <paramref name="at"/>.</summary>
        private Table Scan(Scope at, IndexSymbol m, System.Func<Scope, Operand> factorIn, string role)
        {
            var fill = new Scope(at, m);
            var running = new Accumulator(new Intermediate(_temporaries++), AccumulatorKind.Product);
            var table = new Table(_temporaries++, m.Range, role);
            var factor = factorIn(fill);
            fill.Statements.Add(new TableStore(table, m, running.Target));
            fill.Statements.Add(new Accumulate(running, factor));
            at.Statements.Add(new Loop(m, new List<Table> { table }, new[] { running }, fill.Statements));
            _tables.Add(table);
            return table;
        }

        /// <summary>What a reduction's loop computes per iteration: the factor of an exclusive product, else the body.</summary>
        private static Expr BodyOf(Reduction r) =>
            r is IndexedProduct && ExclusiveProduct.TryParse(r.Bound, r.Body, out var f, out _) ? f : r.Body;

        /// <summary>The term a reduction's loop accumulates: an exclusive product's factor is 1 at its excluded positions.</summary>
        private Operand Term(Reduction r, Scope loop) =>
            r is IndexedProduct && ExclusiveProduct.TryParse(r.Bound, r.Body, out var f, out var excluded)
                ? new ExceptAt(r.Bound, excluded, Text(f, loop))
                : Text(r.Body, loop);
    }
}
