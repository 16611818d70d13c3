using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Sums that read a matrix across its rows, accumulated along them instead. A layer's adjoint
    /// δ_p = Σ_i U[i, p]·e_i (the transposed product Uᵀe of backpropagation, and its tangent in a Hessian-vector
    /// product) computed for each p as a sum over i walks down a column of U, one row-length stride per term. The same
    /// sums are filled as a table over p with the loops exchanged: for each row i, the factors of i alone once, then
    /// δ_p += U[i, p]·e_i for every p, reading U and every other array contiguously, as hand-written backpropagation
    /// does. Sums over the same index into tables over the same index share one pass over the rows.
    /// </summary>
    public sealed partial class LoopScheduler
    {
        /// <summary>Whether sums that read across rows are accumulated along them (see <see cref="ScatterPending"/>).</summary>
        private readonly bool _transposedSums;

        private readonly Dictionary<Reduction, bool> _readsAcrossRows = new Dictionary<Reduction, bool>();

        /// <summary>
        /// Whether <paramref name="r"/>, a reduction with one free index p, reads more arrays across their rows when its
        /// own index i runs innermost than when p does: an array entry is read along a row by an index that appears only
        /// in its last subscript, with coefficient ±1. Entries read by sums nested in the body do not count: their own
        /// loops read them.
        /// </summary>
        private bool ReadsAcrossRows(Reduction r)
        {
            if (!_transposedSums || r.FreeIndices.Count != 1) return false;
            if (_readsAcrossRows.TryGetValue(r, out var known)) return known;
            var (i, p) = (r.Bound, r.FreeIndices[0]);
            int acrossForI = 0, acrossForP = 0;
            foreach (var element in ReadEachTerm(r.Body))
            {
                if (Strided(element, i)) acrossForI++;
                if (Strided(element, p)) acrossForP++;
            }

            return _readsAcrossRows[r] = acrossForP < acrossForI;
        }

        /// <summary>The array entries a term of a sum reads itself: those inside a nested sum or product belong to its loop.</summary>
        private static IEnumerable<Element> ReadEachTerm(Expr body)
        {
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>();
            stack.Push(body);
            while (stack.Count > 0)
            {
                var x = CommonSubexpressions.AsPrinted(stack.Pop());
                if (!seen.Add(x) || x is Reduction) continue;
                if (x is Element e) yield return e;
                foreach (var child in CommonSubexpressions.PrintedChildren(x)) stack.Push(child);
            }
        }

        /// <summary>Whether consecutive values of <paramref name="index"/> read entries of <paramref name="e"/> apart in memory.</summary>
        private static bool Strided(Element e, IndexSymbol index)
        {
            var last = e.Subscripts.Count - 1;
            for (var k = 0; k < last; k++)
                if (e.Subscripts[k].CoefficientOf(index) != 0) return true;
            var c = e.Subscripts[last].CoefficientOf(index);
            return c != 0 && c != 1 && c != -1;
        }

        /// <summary>Fills a table for every sum of the current outputs that reads across rows and nothing holds yet.</summary>
        private void ScatterPending(Scope root)
        {
            if (!_transposedSums) return;
            foreach (var r in PendingReductions(root).Where(ReadsAcrossRows).ToList())
                if (root.NameOf(r) == null && root.TableOf(Key(r)!) == null) Scatter(r, root);
        }

        /// <summary>
        /// Tabulates <paramref name="r"/> = Σ_i body(i, p) over p at the method body, row by row: the table starts at the
        /// identity, then for each i every entry p takes its term. Pending sums of the current outputs over the same i
        /// into tables over the same p are accumulated in the same pass. Returns the entry of r's table at p.
        /// </summary>
        private Reference Scatter(Reduction r, Scope use)
        {
            var root = use.Root;
            var (i, p) = (r.Bound, r.FreeIndices[0]);
            var fused = new List<Reduction> { r };
            fused.AddRange(PendingReductions(root).Where(c => !c.Equals(r) && c.Bound.Equals(i) && ReadsAcrossRows(c) &&
                c.FreeIndices[0].Equals(p) && c.GetType() == r.GetType() && root.NameOf(c) == null && root.TableOf(Key(c)!) == null).Distinct());

            // Costly values of p alone would otherwise be recomputed for every row.
            foreach (var e in fused.SelectMany(f => Descendants(f.Body)).Where(e => e.FreeIndices.Count == 1 && e.FreeIndices[0].Equals(p) &&
                Tabulable(e, root) && !fused.Contains(e)).Distinct().ToList())
                Hoist(e, root);

            var kind = r is IndexedSum ? AccumulatorKind.Sum : AccumulatorKind.Product;
            var tables = fused.Select(_ => new Table(_temporaries++, p.Range, "adjoint")).ToList();
            var rows = new Scope(root, i);
            var entries = new Scope(rows, p);
            for (var k = 0; k < fused.Count; k++)
                // Terms collected by their row (U[i, p]·(a_i − 2 b_i) + V[i, p]·c_i) take one row kernel for each row.
                entries.Statements.Add(new TableAccumulate(tables[k], p, kind, Text(InnermostFactors.Collect(fused[k].Body, p), entries)));
            rows.Statements.Add(new Loop(p, new List<Table>(), new Accumulator[0], entries.Statements));

            var identity = new Formula(Expr.Const(Accumulator.IdentityOf(kind)), NoneHeld);
            var start = tables.Select(t => (Statement)new TableStore(t, p, identity)).ToList();
            root.Statements.Add(new Loop(p, tables.ToList(), new Accumulator[0], start));
            root.Statements.Add(new Loop(i, new List<Table>(), new Accumulator[0], rows.Statements));
            for (var k = 0; k < fused.Count; k++)
            {
                _tables.Add(tables[k]);
                root.Tables[Key(fused[k])!] = tables[k];
                root.Names[fused[k]] = new TableEntry(tables[k], p);
            }

            return root.NameOf(r)!;
        }
    }
}
