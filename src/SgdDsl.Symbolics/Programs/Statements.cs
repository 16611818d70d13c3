using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>One step of a <see cref="LoopProgram"/>.</summary>
    public abstract class Statement
    {
        private protected Statement()
        {
        }
    }

    /// <summary><see cref="Target"/> := <see cref="Value"/>, read by the statements after it in its block and the blocks nested there.</summary>
    public sealed class Let : Statement
    {
        internal Let(Intermediate target, Operand value)
        {
            Target = target;
            Value = value;
        }

        public Intermediate Target { get; }

        public Operand Value { get; }
    }

    /// <summary>Whether an accumulator sums (starting at 0) or multiplies (starting at 1).</summary>
    public enum AccumulatorKind
    {
        Sum,
        Product,
    }

    /// <summary>An intermediate that a <see cref="Loop"/> starts at the identity of <see cref="Kind"/> and each iteration updates.</summary>
    public sealed class Accumulator
    {
        internal Accumulator(Intermediate target, AccumulatorKind kind)
        {
            Target = target;
            Kind = kind;
        }

        public Intermediate Target { get; }

        public AccumulatorKind Kind { get; }

        /// <summary>0 for a sum, 1 for a product.</summary>
        public double Identity => IdentityOf(Kind);

        /// <summary>The value a sum (0) or product (1) of no terms has.</summary>
        public static double IdentityOf(AccumulatorKind kind) => kind == AccumulatorKind.Sum ? 0.0 : 1.0;
    }

    /// <summary>
    /// For <see cref="Index"/> = 0 … Range − 1, runs <see cref="Body"/>. Before the loop the tables it fills
    /// are declared and its accumulators start at their identities; after it, they hold their values.
    /// </summary>
    public sealed class Loop : Statement
    {
        private readonly List<Table> _tables;
        private readonly List<Statement> _body;

        internal Loop(IndexSymbol index, List<Table> tables, IReadOnlyList<Accumulator> accumulators, List<Statement> body)
        {
            Index = index;
            _tables = tables;
            Accumulators = accumulators;
            _body = body;
        }

        public IndexSymbol Index { get; }

        /// <summary>The tables this loop fills, one entry per iteration.</summary>
        public IReadOnlyList<Table> Tables => _tables;

        public IReadOnlyList<Accumulator> Accumulators { get; }

        public IReadOnlyList<Statement> Body => _body;

        /// <summary>Adds a table the scheduler found a reader for after the loop was built.</summary>
        internal void AddTable(int tablePosition, Table table, int storePosition, TableStore store)
        {
            _tables.Insert(tablePosition, table);
            _body.Insert(storePosition, store);
        }
    }

    /// <summary>The accumulator's update: <c>Target += Term</c> or <c>Target *= Term</c>.</summary>
    public sealed class Accumulate : Statement
    {
        internal Accumulate(Accumulator accumulator, Operand term)
        {
            Accumulator = accumulator;
            Term = term;
        }

        public Accumulator Accumulator { get; }

        public Operand Term { get; }
    }

    /// <summary><see cref="Table"/>[<see cref="Index"/>] := <see cref="Value"/>.</summary>
    public sealed class TableStore : Statement
    {
        internal TableStore(Table table, IndexSymbol index, Operand value)
        {
            Table = table;
            Index = index;
            Value = value;
        }

        public Table Table { get; }

        public IndexSymbol Index { get; }

        public Operand Value { get; }
    }

    /// <summary>Hands the value of an <see cref="OutputFamily"/> at the current values of its indices to its target.</summary>
    public sealed class Store : Statement
    {
        internal Store(OutputFamily family, Operand value)
        {
            Family = family;
            Value = value;
        }

        public OutputFamily Family { get; }

        public Operand Value { get; }
    }
}
