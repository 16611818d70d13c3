using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Tables of sums over the same index, filled in one pass. A Hessian-vector product needs, beside a layer's
    /// pre-activations a_j = Σ_k W[j, k]·h_k, their tangents Σ_k V[j, k]·h_k and Σ_k W[j, k]·ḣ_k (V the direction);
    /// tabulated one at a time, each is its own pass over j and k whose additions wait on one another. Filled
    /// together, one loop over j runs one loop over k with an accumulator per sum: the rows are walked once and the
    /// sums' additions overlap, as a hand-written forward-mode pass computes them.
    /// </summary>
    public sealed partial class LoopScheduler
    {
        /// <summary>The costly single-index values some loop would recompute, innermost first (see FindRepeated).</summary>
        private readonly List<Expr> _repeated = new List<Expr>();

        private readonly Dictionary<Expr, HashSet<Expr>> _keysWithin = new Dictionary<Expr, HashSet<Expr>>();

        /// <summary>
        /// Tabulates <paramref name="r"/> over its free index j together with the other repeated reductions over the
        /// same index into tables over the same j that nothing holds yet and that do not read one another; false, with
        /// nothing done, when there is no other.
        /// </summary>
        private bool HoistTogether(Reduction r, Scope root)
        {
            var j = r.FreeIndices[0];
            var group = new List<Reduction> { r };
            foreach (var c in _repeated.OfType<Reduction>())
                if (!group.Contains(c) && c.Bound.Equals(r.Bound) && c.FreeIndices[0].Equals(j) &&
                    !ReadsAcrossRows(c) && root.TableOf(Key(c)!) == null && root.NameOf(c) == null && group.All(m => Independent(m, c)))
                    group.Add(c);
            if (group.Count == 1) return false;

            var fill = new Scope(root, j);
            // What the inner loop would recompute is tabulated first, as Accumulate does.
            foreach (var e in group.SelectMany(m => Descendants(m.Body)).Where(e => Hoistable(e, r.Bound, fill)).Distinct().ToList())
                Hoist(e, root);
            // Those hoists may have filled some of the group's tables already.
            group.RemoveAll(m => root.TableOf(Key(m)!) != null);
            if (group.Count == 0) return true;

            var loop = new Scope(fill, r.Bound);
            var accumulators = new List<Accumulator>();
            foreach (var m in group)
            {
                var accumulator = new Accumulator(new Intermediate(_temporaries++), m is IndexedSum ? AccumulatorKind.Sum : AccumulatorKind.Product);
                loop.Statements.Add(new Accumulate(accumulator, Text(m.Body, loop)));
                accumulators.Add(accumulator);
            }

            fill.Statements.Add(new Loop(r.Bound, new List<Table>(), accumulators, loop.Statements));
            var tables = new List<Table>();
            for (var k = 0; k < group.Count; k++)
            {
                var table = new Table(_temporaries++, j.Range, Table.RoleOf(group[k]));
                fill.Statements.Add(new TableStore(table, j, accumulators[k].Target));
                tables.Add(table);
                _tables.Add(table);
                root.Tables[Key(group[k])!] = table;
                root.Names[group[k]] = new TableEntry(table, j);
            }

            root.Statements.Add(new Loop(j, tables, new Accumulator[0], fill.Statements));
            return true;
        }

        /// <summary>Whether neither reduction reads the other's value, at any index, anywhere inside it.</summary>
        private bool Independent(Reduction a, Reduction b) => !KeysWithin(a).Contains(Key(b)!) && !KeysWithin(b).Contains(Key(a)!);

        /// <summary>The keys of the single-index subexpressions strictly inside <paramref name="e"/>.</summary>
        private HashSet<Expr> KeysWithin(Expr e)
        {
            if (_keysWithin.TryGetValue(e, out var keys)) return keys;
            keys = new HashSet<Expr>();
            foreach (var d in Descendants(e))
                if (!d.Equals(e) && Key(d) is { } key) keys.Add(key);
            return _keysWithin[e] = keys;
        }
    }
}
