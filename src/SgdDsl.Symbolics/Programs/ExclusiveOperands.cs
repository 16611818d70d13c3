using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// The entry of <see cref="Table"/> at Length − 1 − <see cref="Index"/>: a table filled from the last position down
    /// (a suffix product Π_{k &gt; m} f_k is a running product over k = L − 1, L − 2, …), read in the natural order.
    /// </summary>
    public sealed class ReversedTableEntry : Reference
    {
        internal ReversedTableEntry(Table table, IndexSymbol index)
        {
            Table = table;
            Index = index;
        }

        public Table Table { get; }

        public IndexSymbol Index { get; }

        public override string ToString() => $"{Table}[{Table.Length - 1} - {Index}]";
    }

    /// <summary>
    /// 1 where <see cref="Index"/> equals one of <see cref="Excluded"/>, else <see cref="Value"/>: the factor of an
    /// exclusive product Π_{i ∉ E} f(i) that skips the excluded positions rather than multiplying by a 0/1 delta.
    /// </summary>
    public sealed class ExceptAt : Operand
    {
        internal ExceptAt(IndexSymbol index, IReadOnlyList<Affine> excluded, Operand value)
        {
            Index = index;
            Excluded = excluded;
            Value = value;
        }

        public IndexSymbol Index { get; }

        /// <summary>The positions where the value is 1; each an affine form in indices bound at this point.</summary>
        public IReadOnlyList<Affine> Excluded { get; }

        public Operand Value { get; }
    }
}
