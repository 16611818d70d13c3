using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// A contiguous run of entries an innermost loop walks along its index i = 0 … n − 1: the entry at i = 0 gives the
    /// start, the loop's range the length.
    /// </summary>
    public abstract class RowOperand
    {
    }

    /// <summary>Entries of an array (θ, the sample, the direction v) whose last subscript is the loop index.</summary>
    public sealed class ArrayRow : RowOperand
    {
        internal ArrayRow(Element start) => Start = start;

        /// <summary>The entry at i = 0.</summary>
        public Element Start { get; }
    }

    /// <summary>A whole table whose length is the loop's range.</summary>
    public sealed class TableRow : RowOperand
    {
        internal TableRow(Table table) => Table = table;

        public Table Table { get; }
    }

    /// <summary>Entries of an output array whose column's last subscript is the loop index (a gradient or Hessian row).</summary>
    public sealed class OutputRow : RowOperand
    {
        internal OutputRow(string array, OutputPosition start)
        {
            Array = array;
            Start = start;
        }

        public string Array { get; }

        /// <summary>The position at i = 0.</summary>
        public OutputPosition Start { get; }
    }

    /// <summary>One statement of an innermost loop done for every i at once.</summary>
    public abstract class RowKernel
    {
    }

    /// <summary><see cref="Target"/> = Σ_i Π_k Factors_k[i] (two or three factors): an inner product.</summary>
    public sealed class RowDot : RowKernel
    {
        internal RowDot(Accumulator target, IReadOnlyList<RowOperand> factors)
        {
            Target = target;
            Factors = factors;
        }

        public Accumulator Target { get; }

        public IReadOnlyList<RowOperand> Factors { get; }
    }

    /// <summary>Destination[i] = Scale · Source[i], or += when <see cref="Adds"/>: an outer-product row, a row-wise adjoint.</summary>
    public sealed class RowScale : RowKernel
    {
        internal RowScale(Operand scale, RowOperand source, RowOperand destination, bool adds)
        {
            Scale = scale;
            Source = source;
            Destination = destination;
            Adds = adds;
        }

        /// <summary>The factor, free of the loop index.</summary>
        public Operand Scale { get; }

        public RowOperand Source { get; }

        public RowOperand Destination { get; }

        public bool Adds { get; }
    }

    /// <summary>One term a·x[i] of a <see cref="RowCombination"/>: a factor free of the loop index times a row.</summary>
    public sealed class ScaledRow
    {
        internal ScaledRow(Operand scale, RowOperand source)
        {
            Scale = scale;
            Source = source;
        }

        public Operand Scale { get; }

        public RowOperand Source { get; }
    }

    /// <summary>
    /// Destination[i] = First.Scale·First.Source[i] + Second.Scale·Second.Source[i], or += when <see cref="Adds"/>: a
    /// tangent's output row a_p·x_q + b_p·y_q, two adjoints of one layer accumulated in one pass.
    /// </summary>
    public sealed class RowCombination : RowKernel
    {
        internal RowCombination(ScaledRow first, ScaledRow second, RowOperand destination, bool adds)
        {
            First = first;
            Second = second;
            Destination = destination;
            Adds = adds;
        }

        public ScaledRow First { get; }

        public ScaledRow Second { get; }

        public RowOperand Destination { get; }

        public bool Adds { get; }
    }

    /// <summary>An innermost loop split into row kernels and the statements (with their accumulators) left for a loop.</summary>
    public sealed class RowPlan
    {
        internal RowPlan(IReadOnlyList<RowKernel> kernels, Loop? rest)
        {
            Kernels = kernels;
            Rest = rest;
        }

        public IReadOnlyList<RowKernel> Kernels { get; }

        /// <summary>The loop over the statements no kernel covers; null when there are none.</summary>
        public Loop? Rest { get; }
    }

    /// <summary>
    /// Finds the statements of an innermost loop that are whole-row operations: a sum of products of two or three rows
    /// (a layer's pre-activation Σ_k W[j, k]·x[k]), c·x[i] written into an output row (an outer-product gradient row) or
    /// added to a table of the loop's length (a row-wise adjoint). Emission and the run-time compiler do them with vector
    /// kernels (the generator's loops are otherwise scalar); the rest stays a loop. Only loops whose statements are
    /// independent qualify: each accumulator summed by one statement, no table added to by one statement and read by another.
    /// </summary>
    public static class RowKernels
    {
        /// <summary>The plan for <paramref name="loop"/>, or null when it has nested loops or tables, or no statement qualifies.</summary>
        public static RowPlan? Plan(Loop loop)
        {
            if (loop.Tables.Count != 0 || loop.Body.Any(s => !(s is Accumulate || s is TableAccumulate || s is Store || s is Let))) return null;
            var accumulated = loop.Body.OfType<Accumulate>().Select(a => a.Accumulator).ToList();
            if (accumulated.Distinct().Count() != accumulated.Count || accumulated.Count != loop.Accumulators.Count) return null;
            var written = loop.Body.OfType<TableAccumulate>().Select(a => a.Table).ToList();
            if (written.Distinct().Count() != written.Count || loop.Body.Any(s => written.Any(t => Reads(s, r => r is TableEntry e && e.Table == t || r is ReversedTableEntry x && x.Table == t)))) return null;
            // A value defined in the loop is per-entry: a kernel may take one only as a whole term (a·x[i] named by a Let).
            var lets = loop.Body.OfType<Let>().ToDictionary(l => (Reference)l.Target, l => l.Value);
            var kernels = loop.Body.Select(s => s is Let ? null : Kernel(s, loop.Index, lets)).ToList();
            if (kernels.All(k => k == null)) return null;
            var rest = Left(loop.Body, kernels);
            var restLoop = rest.Count == 0 ? null : new Loop(loop.Index, new List<Table>(), rest.OfType<Accumulate>().Select(a => a.Accumulator).ToList(), rest);
            return new RowPlan(RowFusion.Fuse(kernels.Where(k => k != null).Select(k => k!).ToList()), restLoop);
        }

        /// <summary>The statements no kernel covers, with the Lets they read (directly or through other Lets), in order.</summary>
        private static List<Statement> Left(IReadOnlyList<Statement> body, IReadOnlyList<RowKernel?> kernels)
        {
            var needed = new HashSet<Reference>();
            var kept = new List<Statement>();
            for (var k = body.Count - 1; k >= 0; k--)
            {
                var statement = body[k];
                if (statement is Let let ? !needed.Contains(let.Target) : kernels[k] != null) continue;
                Reads(statement, r => { needed.Add(r); return false; });
                kept.Insert(0, statement);
            }

            return kept;
        }

        private static RowKernel? Kernel(Statement statement, IndexSymbol index, IReadOnlyDictionary<Reference, Operand> lets)
        {
            var kernel = Single(statement, index);
            if (kernel != null) return ReadsAny(kernel, lets) ? null : kernel;
            var (value, destination, adds) = statement switch
            {
                Store store when !store.Family.Target.IsResult && store.Family.Target.Positions.Count == 1 =>
                    (store.Value, Row(store.Family.Target.Array!, store.Family.Target.Positions[0], index), false),
                TableAccumulate a when a.Kind == AccumulatorKind.Sum && a.Index.Equals(index) && a.Table.Length == index.Range =>
                    (a.Term, new TableRow(a.Table), true),
                _ => ((Operand?)null, (RowOperand?)null, false),
            };
            if (destination == null || !(value is Formula f) || !(f.Expression is Sum sum) || sum.Offset != 0.0 || sum.Terms.Count != 2) return null;
            var terms = sum.Terms.Select(t => f.Held.TryGetValue(t, out var held) && lets.TryGetValue(held, out var defined)
                ? Term(defined, index)
                : Term(new Formula(t, f.Held), index)).ToList();
            if (terms.Any(t => t == null)) return null;
            var combination = new RowCombination(terms[0]!, terms[1]!, destination, adds);
            return ReadsAny(combination, lets) ? null : combination;
        }

        private static RowKernel? Single(Statement statement, IndexSymbol index)
        {
            switch (statement)
            {
                case Accumulate a when a.Accumulator.Kind == AccumulatorKind.Sum && Rows(a.Term, index) is { Count: 2 or 3 } rows:
                    return new RowDot(a.Accumulator, rows);
                case Store store when !store.Family.Target.IsResult && store.Family.Target.Positions.Count == 1
                                      && Row(store.Family.Target.Array!, store.Family.Target.Positions[0], index) is { } row
                                      && Term(store.Value, index) is { } term:
                    return new RowScale(term.Scale, term.Source, row, adds: false);
                case TableAccumulate a when a.Kind == AccumulatorKind.Sum && a.Index.Equals(index) && a.Table.Length == index.Range
                                            && Term(a.Term, index) is { } term:
                    return new RowScale(term.Scale, term.Source, new TableRow(a.Table), adds: true);
                default:
                    return null;
            }
        }

        /// <summary>The rows whose product along the index a term is (a product of rows, or a table entry times one), or null.</summary>
        private static List<RowOperand>? Rows(Operand term, IndexSymbol index)
        {
            switch (term)
            {
                case Formula { Expression: Product { Coefficient: 1.0 } p } f:
                    var rows = p.Factors.Select(factor => Row(factor, f, index)).ToList();
                    return rows.Any(r => r == null) ? null : rows.Select(r => r!).ToList();
                case Formula { Expression: Element e } f when Row(e, f, index) is { } row:
                    return new List<RowOperand> { row };
                case SplitProduct { Outer: TableEntry entry } split when Row(entry, index) is { } first && Rows(split.Inner, index) is { } others:
                    return others.Prepend(first).ToList();
                default:
                    return null;
            }
        }

        /// <summary>A term c·x[i] with c free of the loop index and x a row along it.</summary>
        private static ScaledRow? Term(Operand term, IndexSymbol index)
        {
            if (term is SplitProduct split)
            {
                var inner = split.Inner switch
                {
                    TableEntry entry => Row(entry, index),
                    Formula f => Row(f.Expression, f, index),
                    _ => null,
                };
                return inner == null ? null : new ScaledRow(split.Outer, inner);
            }

            if (!(term is Formula formula) || !(formula.Expression is Product p) || p.Coefficient != 1.0 || p.Factors.Count != 2) return null;
            for (var k = 0; k < 2; k++)
            {
                if (Row(p.Factors[k], formula, index) is { } row && IsFreeOf(p.Factors[1 - k], formula, index))
                    return new ScaledRow(formula.Held.TryGetValue(p.Factors[1 - k], out var held) ? held : new Formula(p.Factors[1 - k], formula.Held), row);
            }

            return null;
        }

        /// <summary>The row a factor of <paramref name="f"/> walks along <paramref name="index"/>: a held table entry or an array entry.</summary>
        private static RowOperand? Row(Expr factor, Formula f, IndexSymbol index)
        {
            if (f.Held.TryGetValue(factor, out var held)) return held is TableEntry entry ? Row(entry, index) : null;
            return factor is Element e && Splits(e.Subscripts, index) ? new ArrayRow(e.Substitute(index, Affine.Of(0))) : null;
        }

        private static RowOperand? Row(TableEntry entry, IndexSymbol index) =>
            entry.Index.Equals(index) && entry.Table.Length == index.Range ? new TableRow(entry.Table) : null;

        private static RowOperand? Row(string array, OutputPosition position, IndexSymbol index)
        {
            if (position.Row != null && position.Row.Subscripts.Any(s => s.Indices.Contains(index))) return null;
            return RowStart(position.Column, index) is { } start ? new OutputRow(array, new OutputPosition(start, position.Row, position.RowWidth)) : null;
        }

        /// <summary>
        /// The position where the row <paramref name="position"/> walks along <paramref name="index"/> starts (the index
        /// dropped), when its last subscript is exactly the index with stride 1 and no other mentions it; else null.
        /// </summary>
        public static FlatIndex? RowStart(FlatIndex position, IndexSymbol index)
        {
            var last = position.Subscripts.Count - 1;
            if (last < 0 || position.Strides[last] != 1 || !Splits(position.Subscripts, index)) return null;
            return new FlatIndex(position.Offset, position.Subscripts.Take(last).ToArray(), position.Strides.Take(last).ToArray());
        }

        /// <summary>True when the last subscript is exactly the index (row-major: stride 1) and no other mentions it.</summary>
        private static bool Splits(IReadOnlyList<Affine> subscripts, IndexSymbol index) =>
            subscripts.Count > 0 && subscripts[subscripts.Count - 1].Equals(Affine.Of(index))
                                 && subscripts.Take(subscripts.Count - 1).All(s => !s.Indices.Contains(index));

        /// <summary>A factor that cannot change along the index: a value held outside the loop, a scalar, an entry not subscripted by it.</summary>
        private static bool IsFreeOf(Expr factor, Formula f, IndexSymbol index)
        {
            if (f.Held.TryGetValue(factor, out var held)) return held is Intermediate || held is TableEntry entry && !entry.Index.Equals(index);
            return factor is Variable || factor is Constant || factor is Element e && e.Subscripts.All(s => !s.Indices.Contains(index));
        }

        /// <summary>Whether a kernel's factors or rows read a value the loop itself defines (which varies along the index).</summary>
        private static bool ReadsAny(RowKernel kernel, IReadOnlyDictionary<Reference, Operand> lets)
        {
            if (lets.Count == 0) return false;
            var operands = kernel switch
            {
                RowScale s => new[] { s.Scale },
                RowCombination c => new[] { c.First.Scale, c.Second.Scale },
                _ => new Operand[0],
            };
            return operands.Any(o => ReadsOperand(o, lets.ContainsKey));
        }

        /// <summary>True when the statement's value reads a reference for which <paramref name="test"/> holds.</summary>
        private static bool Reads(Statement statement, System.Func<Reference, bool> test) => statement switch
        {
            Accumulate a => ReadsOperand(a.Term, test),
            TableAccumulate a => ReadsOperand(a.Term, test),
            Store s => ReadsOperand(s.Value, test),
            Let l => ReadsOperand(l.Value, test),
            _ => true,
        };

        private static bool ReadsOperand(Operand o, System.Func<Reference, bool> test) => o switch
        {
            Reference r => test(r),
            Formula f => f.Held.Values.Any(r => ReadsOperand(r, test)),
            SplitProduct s => ReadsOperand(s.Outer, test) || ReadsOperand(s.Inner, test),
            ExceptAt x => ReadsOperand(x.Value, test),
            _ => false,
        };
    }
}
