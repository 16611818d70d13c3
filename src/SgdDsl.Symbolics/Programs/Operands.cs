using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// A value a statement of a <see cref="LoopProgram"/> reads: a value computed earlier
    /// (<see cref="Reference"/>), an expression (<see cref="Formula"/>), or the product of two of them
    /// (<see cref="SplitProduct"/>).
    /// </summary>
    public abstract class Operand
    {
        private protected Operand()
        {
        }
    }

    /// <summary>A value an earlier statement computed: an <see cref="Intermediate"/> or a <see cref="TableEntry"/>.</summary>
    public abstract class Reference : Operand
    {
        private protected Reference()
        {
        }
    }

    /// <summary>
    /// A scalar computed once and read afterwards: defined by a <see cref="Let"/> or accumulated by a
    /// <see cref="Loop"/>. <see cref="Id"/> numbers intermediates and tables together, in the order the
    /// scheduler created them.
    /// </summary>
    public sealed class Intermediate : Reference
    {
        internal Intermediate(int id) => Id = id;

        public int Id { get; }

        public override string ToString() => "t" + Id;
    }

    /// <summary>
    /// A per-index value tabulated over one index (a network's hidden units): <see cref="Length"/>
    /// doubles, declared and filled by one <see cref="Loop"/> and read through <see cref="TableEntry"/>.
    /// </summary>
    public sealed class Table
    {
        internal Table(int id, int length, string role = "tab")
        {
            Id = id;
            Length = length;
            Role = role;
        }

        /// <summary>
        /// What the entries are, as a printer's name stem: the function a layer applies (<c>tanh</c>), <c>sum</c> for
        /// inner products, <c>adjoint</c> for sums accumulated row by row, <c>prefix</c>/<c>suffix</c> (and their tangents
        /// <c>dprefix</c>/<c>dsuffix</c>) for running products, <c>tab</c> otherwise.
        /// </summary>
        public string Role { get; }

        /// <summary>The role of a table of <paramref name="entry"/>'s values: its function's name, sum, prod, or tab.</summary>
        internal static string RoleOf(Expr entry) => entry switch
        {
            FunctionCall f => FunctionCatalogue.Of(f.Function).Infix,
            IndexedSum _ => "sum",
            IndexedProduct _ => "prod",
            _ => "tab",
        };

        /// <summary>Numbered with the intermediates (see <see cref="Intermediate.Id"/>).</summary>
        public int Id { get; }

        public int Length { get; }

        public override string ToString() => "tab" + Id;
    }

    /// <summary>The entry of <see cref="Table"/> at the current value of <see cref="Index"/>.</summary>
    public sealed class TableEntry : Reference
    {
        internal TableEntry(Table table, IndexSymbol index)
        {
            Table = table;
            Index = index;
        }

        public Table Table { get; }

        public IndexSymbol Index { get; }

        public override string ToString() => $"{Table}[{Index}]";
    }

    /// <summary>
    /// <see cref="Expression"/>, computed in place, where each subexpression listed in <see cref="Held"/>
    /// is not recomputed but read from its reference. The expression itself is never in <see cref="Held"/>;
    /// sums and products over an index always are.
    /// </summary>
    public sealed class Formula : Operand
    {
        internal Formula(Expr expression, IReadOnlyDictionary<Expr, Reference> held)
        {
            Expression = expression;
            Held = held;
        }

        public Expr Expression { get; }

        /// <summary>Subexpressions already computed, by the value holding them.</summary>
        public IReadOnlyDictionary<Expr, Reference> Held { get; }

        public override string ToString() => Expression.ToString();
    }

    /// <summary>
    /// <see cref="Outer"/> · <see cref="Inner"/>, in that association: a product whose factors from outer
    /// loops (<see cref="Outer"/>) are multiplied once per outer iteration, since floating-point
    /// products are not reassociated for us.
    /// </summary>
    public sealed class SplitProduct : Operand
    {
        internal SplitProduct(Operand outer, Operand inner)
        {
            Outer = outer;
            Inner = inner;
        }

        public Operand Outer { get; }

        public Operand Inner { get; }
    }
}
