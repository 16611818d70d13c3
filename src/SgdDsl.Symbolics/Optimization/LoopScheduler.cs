using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Turns output families into a <see cref="LoopProgram"/> that keeps the loops of the mathematics: one
    /// loop per free index (families with a common leading index share the loop), one accumulator loop per
    /// sum or product over an index, and every subexpression computed once, in the outermost loop where all
    /// its indices are bound (common-subexpression elimination and loop-invariant hoisting in one rule).
    /// Per-index values some loop would recompute are tabulated once, before it. Program size grows with
    /// the expressions, never with the array sizes.
    /// </summary>
    public sealed partial class LoopScheduler
    {
        private readonly Dictionary<Expr, int> _uses = new Dictionary<Expr, int>();
        private readonly HashSet<Expr> _mustName = new HashSet<Expr>();
        private int _temporaries;
        private IReadOnlyList<Expr> _roots = new Expr[0];

        /// <summary>Placeholder index standing for "the one free index" in table keys.</summary>
        private static readonly string Placeholder = "*";

        /// <summary>Per-index subexpressions worth tabulating: their key appears with two or more different indices.</summary>
        private readonly HashSet<Expr> _tabulable = new HashSet<Expr>();
        private readonly Dictionary<Expr, Expr?> _keys = new Dictionary<Expr, Expr?>();
        /// <summary>Tables a loop computed the values of, declared and stored only once something reads them.</summary>
        private readonly Dictionary<Table, PendingTable> _pending = new Dictionary<Table, PendingTable>();
        private readonly List<Table> _tables = new List<Table>();

        private LoopScheduler(bool transposedSums) => _transposedSums = transposedSums;

        /// <summary>
        /// The program computing the given families in order; with <paramref name="transposedSums"/>, sums that would
        /// read a matrix across its rows are accumulated along them (<see cref="TableAccumulate"/>, see TransposedSums.cs).
        /// </summary>
        public static LoopProgram Schedule(IReadOnlyList<OutputFamily> families, bool transposedSums = false)
        {
            var scheduler = new LoopScheduler(transposedSums);
            families = InnermostFactors.Collect(scheduler.MergeScattered(families));
            foreach (var family in families) scheduler.Count(family.Value);
            scheduler.FindTabulable();
            scheduler.FindChain();
            return scheduler.Emit(families);
        }

        private void Count(Expr e)
        {
            e = CommonSubexpressions.AsPrinted(e);
            _uses.TryGetValue(e, out var n);
            _uses[e] = n + 1;
            if (n > 0) return;
            if (e is Power { ConstantExponent: 2.0 or 3.0 } p && CommonSubexpressions.IsCompound(p.Base)) _mustName.Add(p.Base);
            foreach (var child in CommonSubexpressions.PrintedChildren(e)) Count(child);
        }

        /// <summary>
        /// A per-index subexpression such as tanh(Σ_k W[j, k] x[k]) computed in one loop over j (inside a
        /// sum) and needed again in another loop over p (a gradient entry) is the same function of its index.
        /// Such keys are tabulated: stored in a table while the first loop runs and read back after.
        /// </summary>
        private void FindTabulable()
        {
            var indices = new Dictionary<Expr, HashSet<IndexSymbol>>();
            foreach (var e in _uses.Keys)
            {
                var key = Key(e);
                if (key == null) continue;
                if (!indices.TryGetValue(key, out var set)) indices[key] = set = new HashSet<IndexSymbol>();
                set.Add(e.FreeIndices[0]);
            }

            foreach (var pair in indices)
                if (pair.Value.Count > 1) _tabulable.Add(pair.Key);
        }

        /// <summary>The expression with its single free index replaced by a placeholder, or null.</summary>
        private Expr? Key(Expr e)
        {
            if (_keys.TryGetValue(e, out var key)) return key;
            key = null;
            if (CommonSubexpressions.IsCompound(e) && e.FreeIndices.Count == 1)
            {
                var index = e.FreeIndices[0];
                key = ToPlaceholder(e, index);
            }

            return _keys[e] = key;
        }

        private LoopProgram Emit(IReadOnlyList<OutputFamily> families)
        {
            var root = new Scope(null, null);
            var open = new List<Scope> { root };

            // Per-index values that some loop would recompute are tabulated first (the forward pass), then index-free sums:
            // their loops fill the tables the per-index loops below read.
            _roots = families.Select(f => f.Value).ToList();
            var visited = new HashSet<(Expr, string)>();
            foreach (var family in families)
                FindRepeated(family.Value, family.Indices.ToList(), visited, _repeated);
            foreach (var e in _repeated)
                if (Tabulable(e, root)) Hoist(e, root);
            foreach (var r in PendingReductions(root).Where(r => r.FreeIndices.Count == 0).ToList())
                if (root.NameOf(r) == null) Accumulate(r, root);
            ScatterPending(root);

            foreach (var family in families)
            {
                // Keep the loops this family shares with the previous one open; close the rest.
                var shared = 0;
                while (shared < family.Indices.Count && shared + 1 < open.Count && open[shared + 1].Index!.Equals(family.Indices[shared])) shared++;
                while (open.Count > shared + 1) CloseLoop(open);
                foreach (var index in family.Indices.Skip(shared)) open.Add(new Scope(open[open.Count - 1], index));

                var scope = open[open.Count - 1];
                _roots = new[] { family.Value };
                scope.Statements.Add(new Store(family, Text(family.Value, scope)));
            }

            while (open.Count > 1) CloseLoop(open);
            return new LoopProgram(root.Statements, _tables.OrderBy(t => t.Id).ToList());
        }

        private void CloseLoop(List<Scope> open)
        {
            var loop = open[open.Count - 1];
            open.RemoveAt(open.Count - 1);
            loop.Parent!.Statements.Add(new Loop(loop.Index!, new List<Table>(), new Accumulator[0], loop.Statements));
        }

        /// <summary>The value of <paramref name="e"/> where it is used, defining whatever it needs first.</summary>
        private Operand Text(Expr e, Scope use)
        {
            var name = use.NameOf(e);
            if (name != null) return name;
            if (Key(e) is { } key && use.TableOf(key) is { } table)
            {
                // Read the value tabulated for this index; register it so parents read the same entry.
                var entry = new TableEntry(table, e.FreeIndices[0]);
                Read(table);
                Home(e, use).Names[e] = entry;
                return entry;
            }

            if (e is IndexedProduct x && Scanned(x, use) is { } scanned) return scanned;
            if (e is IndexedProduct y && PairScanned(y, use) is { } pair) return pair;
            if (e is IndexedSum sum && TangentScanned(sum, use) is { } tangent) return tangent;
            if (e is Reduction r) return ReadsAcrossRows(r) ? Scatter(r, use) : Accumulate(r, use);
            if (!CommonSubexpressions.IsCompound(e)) return new Formula(e, NoneHeld);

            var home = Home(e, use);
            if (Chained(e, home) is { } chained)
            {
                // Named, so the formulas around read it instead of printing its factors again.
                if (chained is Formula { Held: { Count: 1 } held } f && held.ContainsKey(f.Expression)) return home.Names[e] = held[f.Expression];
                var product = new Intermediate(_temporaries++);
                home.Statements.Add(new Let(product, chained));
                home.Names[e] = product;
                return product;
            }

            var named = home != use || _mustName.Contains(e) || _uses.TryGetValue(e, out var n) && n > 1;
            var at = named ? home : use;
            Operand value;
            if (Split(e, at) is var (outer, inner))
            {
                // The inner part of a split product is a product of its own, new to the outputs: one of the loop's index
                // alone (a tangent's (1 − h_q²)·ḣ_q) would be recomputed on every pass of the loops around.
                if (RepeatsInOuterLoops(inner, at)) Hoist(inner, at);
                var innerValue = Text(inner, at);
                value = new SplitProduct(Text(outer, at), innerValue);
            }
            else if (IndexOnlyFactors(e, at) is var (own, others))
            {
                Hoist(own, at);
                value = new SplitProduct(Text(own, at), Text(others, at));
            }
            else
            {
                Prepare(e, at);
                value = new Formula(e, Held(e, at));
            }
            if (!named) return value;
            var temporary = new Intermediate(_temporaries++);
            at.Statements.Add(new Let(temporary, value));
            at.Names[e] = temporary;
            return temporary;
        }

        private static readonly IReadOnlyDictionary<Expr, Reference> NoneHeld = new Dictionary<Expr, Reference>();

        /// <summary>
        /// The subexpressions of <paramref name="e"/>, as printers reach them (negated terms, reciprocals as
        /// quotients), that are held in <paramref name="at"/>: computing e reads them instead of recomputing.
        /// </summary>
        private static IReadOnlyDictionary<Expr, Reference> Held(Expr e, Scope at)
        {
            var held = new Dictionary<Expr, Reference>();
            var seen = new HashSet<Expr> { e };
            var stack = new Stack<Expr>();
            void Visit(Expr x)
            {
                if (!seen.Add(x)) return;
                if (at.NameOf(x) is { } r) held[x] = r;
                else stack.Push(x);
            }

            stack.Push(e);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (x is Power { ConstantExponent: < 0 }) Visit(CommonSubexpressions.AsPrinted(x));
                foreach (var child in x.Children)
                {
                    Visit(child);
                    if (child is Power { ConstantExponent: < 0 }) Visit(CommonSubexpressions.AsPrinted(child));
                }

                if (x is Sum s)
                    foreach (var term in s.Terms) Visit(-term);
            }

            return held.Count == 0 ? NoneHeld : held;
        }

        /// <summary>Defines, in or above <paramref name="at"/>, every subexpression of <paramref name="e"/> that is not printed inline.</summary>
        private void Prepare(Expr e, Scope at)
        {
            foreach (var child in CommonSubexpressions.PrintedChildren(CommonSubexpressions.AsPrinted(e)))
            {
                var c = CommonSubexpressions.AsPrinted(child);
                if (!CommonSubexpressions.IsCompound(c) || at.NameOf(c) != null) continue;
                if (Key(c) is { } key && at.TableOf(key) != null)
                {
                    Text(c, at);
                    continue;
                }
                // A product with factors computed in outer loops is split (see Split) and so needs a name of its own.
                if (Split(c, at) != null) _mustName.Add(c);
                var inline = !(c is Reduction) && !JoinsChain(c) && Home(c, at) == at && !_mustName.Contains(c) && !(_uses.TryGetValue(c, out var n) && n > 1);
                if (inline) Prepare(c, at);
                else Text(c, at);
            }
        }

        /// <summary>
        /// Σ or Π as an accumulator loop placed where all its free indices are bound. Every other pending
        /// reduction of the current outputs over the same index that belongs in the same place shares the
        /// loop, so the subexpressions of their bodies are computed once per iteration, not once per sum.
        /// </summary>
        private Reference Accumulate(Reduction r, Scope use)
        {
            var home = Home(r, use);
            var fused = new List<Reduction> { r };
            fused.AddRange(PendingReductions(home).Where(c => !c.Equals(r) && c.Bound.Equals(r.Bound) && TryHome(c, use) == home && !ReadsAcrossRows(c) &&
                !(Key(c) is { } k && home.TableOf(k) != null) && !(c is IndexedProduct x && ScanIndex(x, out _) != null)));
            var loop = new Scope(home, r.Bound);
            var accumulators = new List<Accumulator>();

            // Tables are declared in the method body, once per call, so only loops placed there fill them.
            var tabulated = home.Parent == null
                ? fused.SelectMany(f => Descendants(BodyOf(f))).Where(e => e.FreeIndices.Count == 1 && e.FreeIndices[0].Equals(r.Bound) &&
                    Key(e) is { } k && _tabulable.Contains(k) && home.TableOf(k) == null).Distinct().ToList()
                : new List<Expr>();
            foreach (var e in tabulated) _mustName.Add(e);
            foreach (var e in fused.SelectMany(f => Descendants(BodyOf(f))).Where(e => Hoistable(e, r.Bound, home)).Distinct().ToList())
                Hoist(e, home);

            foreach (var reduction in fused)
            {
                var accumulator = new Accumulator(new Intermediate(_temporaries++), reduction is IndexedSum ? AccumulatorKind.Sum : AccumulatorKind.Product);
                loop.Statements.Add(new Accumulate(accumulator, Term(reduction, loop)));
                accumulators.Add(accumulator);
                home.Names[reduction] = accumulator.Target;
            }

            // The loop computes these values anyway; each becomes a table the first time a later loop reads it.
            var tables = new List<(Expr Key, PendingTable Pending)>();
            foreach (var e in tabulated)
            {
                var table = new Table(_temporaries++, r.Bound.Range, Table.RoleOf(e));
                var value = Text(e, loop);
                var pending = new PendingTable(tables.Count, loop.Statements.Count, new TableStore(table, r.Bound, value));
                tables.Add((Key(e)!, pending));
                _pending[table] = pending;
            }

            var built = new Loop(r.Bound, new List<Table>(), accumulators, loop.Statements);
            home.Statements.Add(built);
            foreach (var (key, pending) in tables)
            {
                pending.Loop = built;
                pending.Siblings = tables.Select(t => t.Pending).ToList();
                home.Tables[key] = pending.Store.Table;
            }
            return home.NameOf(r)!;
        }

        /// <summary>Declares and stores a table its loop computed the values of, the first time something reads it.</summary>
        private void Read(Table table)
        {
            if (!_pending.TryGetValue(table, out var pending)) return;
            _pending.Remove(table);
            // Tables of one loop keep the order the loop computed them in, after the loop's own statements.
            var before = pending.Siblings!.Count(s => s.Order < pending.Order && s.IsRead);
            pending.IsRead = true;
            pending.Loop!.AddTable(before, table, pending.Anchor + before, pending.Store);
            _tables.Add(table);
        }

        /// <summary>
        /// A product computed in <paramref name="at"/> whose coefficient and factors from outer loops multiply to more than
        /// one value there: (outer part, inner part), so the outer part is multiplied once per outer iteration (the JIT
        /// does not reassociate floating-point products for us). Null when nothing is gained.
        /// </summary>
        private static (Expr Outer, Expr Inner)? Split(Expr e, Scope at)
        {
            if (!(e is Product p) || at.Index == null) return null;
            var outer = new List<Expr>();
            var inner = new List<Expr>();
            foreach (var factor in p.Factors)
                (TryHome(factor, at) is { } h && h != at ? outer : inner).Add(factor);
            if (inner.Count == 0 || outer.Count + (p.Coefficient == 1.0 ? 0 : 1) < 2) return null;
            outer.Add(Expr.Const(p.Coefficient));
            return (Expr.Multiply(outer.ToArray()), Expr.Multiply(inner.ToArray()));
        }

        /// <summary>
        /// A costly subexpression (one with a sum, product or function call in it) with a single free index j that the
        /// loop over <paramref name="bound"/> placed at <paramref name="home"/> would recompute: j is bound by a loop
        /// nested inside it (j ≠ bound), or the loop itself repeats inside outer loops that e does not depend on. Such
        /// values (a network's hidden units, a layer's adjoints) are tabulated over j once, at the method body: the
        /// forward pass.
        /// </summary>
        private bool Hoistable(Expr e, IndexSymbol bound, Scope home)
        {
            if (!Tabulable(e, home)) return false;
            var j = e.FreeIndices[0];
            if (j.Equals(bound) && home.Parent == null) return false;
            return home.BindingOf(j) == null;
        }

        /// <summary>
        /// Collects, innermost first, the costly single-index subexpressions of <paramref name="e"/> that some loop would
        /// recompute. <paramref name="loops"/> are the indices of the loops around the place e is used, outermost first
        /// (the output family's, then those of enclosing reductions); e itself is computed inside the prefix that binds
        /// its free indices, so a value whose one index is not the first of that prefix sits in a loop it does not
        /// depend on and would be recomputed on every pass of it.
        /// </summary>
        private void FindRepeated(Expr e, IReadOnlyList<IndexSymbol> loops, HashSet<(Expr, string)> visited, List<Expr> repeated)
        {
            e = CommonSubexpressions.AsPrinted(e);
            if (!CommonSubexpressions.IsCompound(e)) return;
            var depth = e.FreeIndices.Count == 0 ? 0 : e.FreeIndices.Max(i => Position(loops, i)) + 1;
            var around = loops.Take(depth).ToList();
            if (!visited.Add((e, string.Join(",", around.Select(i => i.Name))))) return;
            if (e is Reduction r)
                FindRepeated(r.Body, around.Append(r.Bound).ToList(), visited, repeated);
            else
                foreach (var child in CommonSubexpressions.PrintedChildren(e)) FindRepeated(child, around, visited, repeated);
            if (e.FreeIndices.Count == 1 && depth > 1 && Costly(e)) repeated.Add(e);
        }

        private static int Position(IReadOnlyList<IndexSymbol> loops, IndexSymbol index)
        {
            for (var k = loops.Count - 1; k >= 0; k--)
                if (loops[k].Equals(index)) return k;
            throw new InvalidOperationException($"Index {index.Name} is used outside every loop that binds it.");
        }

        private static bool Costly(Expr e) => Descendants(e).Any(d => d is Reduction || d is FunctionCall);

        private bool Tabulable(Expr e, Scope scope) =>
            e.FreeIndices.Count == 1 && CommonSubexpressions.IsCompound(e) &&
            Key(e) is { } key && scope.Root.TableOf(key) == null && scope.NameOf(e) == null && Costly(e);

        /// <summary>Fills a table of <paramref name="e"/> over its free index in a loop at the method body, before the loop being built.</summary>
        private void Hoist(Expr e, Scope home)
        {
            var root = home.Root;
            var key = Key(e)!;
            if (root.TableOf(key) != null) return;
            if (e is Reduction r && ReadsAcrossRows(r))
            {
                Scatter(r, root);
                return;
            }

            if (e is Reduction sum && HoistTogether(sum, root)) return;

            var index = e.FreeIndices[0];
            var fill = new Scope(root, index);
            var table = new Table(_temporaries++, index.Range, Table.RoleOf(e));
            fill.Statements.Add(new TableStore(table, index, Text(e, fill)));
            root.Statements.Add(new Loop(index, new List<Table> { table }, new Accumulator[0], fill.Statements));
            _tables.Add(table);
            root.Tables[key] = table;
            // The table entry is e wherever its index is bound.
            root.Names[e] = new TableEntry(table, index);
        }

        /// <summary>Every subexpression of <paramref name="e"/>, as printed, itself included.</summary>
        private static IEnumerable<Expr> Descendants(Expr e)
        {
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>();
            stack.Push(e);
            while (stack.Count > 0)
            {
                var x = CommonSubexpressions.AsPrinted(stack.Pop());
                if (!seen.Add(x)) continue;
                yield return x;
                foreach (var child in CommonSubexpressions.PrintedChildren(x)) stack.Push(child);
            }
        }

        /// <summary>The reductions in the current outputs that nothing visible from <paramref name="scope"/> holds yet.</summary>
        private IEnumerable<Reduction> PendingReductions(Scope scope)
        {
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>(_roots);
            while (stack.Count > 0)
            {
                var e = CommonSubexpressions.AsPrinted(stack.Pop());
                if (!seen.Add(e) || scope.NameOf(e) != null) continue;
                if (e is Reduction r) yield return r;
                else foreach (var child in CommonSubexpressions.PrintedChildren(e)) stack.Push(child);
            }
        }

        /// <summary>The outermost open scope in which every free index of <paramref name="e"/> is bound.</summary>
        private static Scope Home(Expr e, Scope use) =>
            TryHome(e, use) ?? throw new InvalidOperationException($"'{e}' uses an index that no enclosing loop binds.");

        /// <summary>The outermost open scope in which every free index of <paramref name="e"/> is bound, or null.</summary>
        private static Scope? TryHome(Expr e, Scope use)
        {
            var chain = new List<Scope>();
            for (var s = use; s != null; s = s.Parent) chain.Insert(0, s);
            var bound = new HashSet<IndexSymbol>();
            foreach (var s in chain)
            {
                if (s.Index != null) bound.Add(s.Index);
                if (e.FreeIndices.All(bound.Contains)) return s;
            }

            return null;
        }

        /// <summary>A table whose values a loop computes, with the store that fills it once it is read.</summary>
        private sealed class PendingTable
        {
            public PendingTable(int order, int anchor, TableStore store)
            {
                Order = order;
                Anchor = anchor;
                Store = store;
            }

            /// <summary>Position among the tables of its loop.</summary>
            public int Order { get; }

            /// <summary>Where in the loop body its store goes when no earlier table of the loop is read.</summary>
            public int Anchor { get; }

            public TableStore Store { get; }

            public Loop? Loop { get; set; }

            public List<PendingTable>? Siblings { get; set; }

            public bool IsRead { get; set; }
        }

        private sealed class Scope
        {
            public Scope(Scope? parent, IndexSymbol? index)
            {
                Parent = parent;
                Index = index;
            }

            public Scope? Parent { get; }

            /// <summary>The scope here or above whose loop binds <paramref name="index"/>, or null.</summary>
            public Scope? BindingOf(IndexSymbol index)
            {
                for (var s = this; s != null; s = s.Parent)
                    if (s.Index != null && s.Index.Equals(index)) return s;
                return null;
            }

            /// <summary>The method body: the scope every other one is nested in.</summary>
            public Scope Root => Parent?.Root ?? this;

            /// <summary>The index this scope's loop binds; null for the method body.</summary>
            public IndexSymbol? Index { get; }

            public List<Statement> Statements { get; } = new List<Statement>();

            public Dictionary<Expr, Reference> Names { get; } = new Dictionary<Expr, Reference>();

            /// <summary>Tables of per-index subexpressions, by key (see <see cref="FindTabulable"/>).</summary>
            public Dictionary<Expr, Table> Tables { get; } = new Dictionary<Expr, Table>();

            /// <summary>The table holding <paramref name="key"/> here or in an enclosing scope.</summary>
            public Table? TableOf(Expr key)
            {
                for (var s = this; s != null; s = s.Parent)
                    if (s.Tables.TryGetValue(key, out var name)) return name;
                return null;
            }

            /// <summary>The value holding <paramref name="e"/> here or in an enclosing scope.</summary>
            public Reference? NameOf(Expr e)
            {
                for (var s = this; s != null; s = s.Parent)
                    if (s.Names.TryGetValue(e, out var name)) return name;
                return null;
            }
        }
    }
}
