using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// A derivative program as data: loops, accumulators, per-index tables, lets and stores over
    /// canonical expressions, in execution order. Built by <see cref="LoopScheduler"/>; consumers (C#
    /// emission in the generator, System.Linq.Expressions for run-time formulas) only print it.
    /// </summary>
    public sealed class LoopProgram
    {
        internal LoopProgram(IReadOnlyList<Statement> statements, IReadOnlyList<Table> tables)
        {
            Statements = statements;
            Tables = tables;
        }

        /// <summary>The method body, outermost block.</summary>
        public IReadOnlyList<Statement> Statements { get; }

        /// <summary>Every table the program declares, in the order of their ids; each is filled before it is read.</summary>
        public IReadOnlyList<Table> Tables { get; }
    }
}
