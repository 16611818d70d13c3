namespace SgdDsl.Symbolics
{
    /// <summary>
    /// <see cref="Table"/>[<see cref="Index"/>] += <see cref="Term"/> (or *= for a product): one row's share of a
    /// table of sums that a loop over the summation index fills row by row, such as δ_p = Σ_i U[i, p]·e_i
    /// accumulated as δ_p += U[i, p]·e_i for each row i, so every array is read along its rows. The table holds the
    /// identity of <see cref="Kind"/> before the first row (a <see cref="TableStore"/> puts it there).
    /// </summary>
    public sealed class TableAccumulate : Statement
    {
        internal TableAccumulate(Table table, IndexSymbol index, AccumulatorKind kind, Operand term)
        {
            Table = table;
            Index = index;
            Kind = kind;
            Term = term;
        }

        public Table Table { get; }

        public IndexSymbol Index { get; }

        public AccumulatorKind Kind { get; }

        public Operand Term { get; }
    }
}
