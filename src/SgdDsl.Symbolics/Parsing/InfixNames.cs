using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// What the names of an infix formula stand for beyond scalars: arrays with their shapes (so <c>W[j, k]</c> is an
    /// <see cref="Element"/> checked against them) and free indices (the <c>p</c> of a gradient formula ∂ℓ/∂W[p, q]).
    /// A name given neither is a scalar; one subscripted only by integers, like <c>x[0,1]</c>, is then the scalar of that
    /// flattened name.
    /// </summary>
    public sealed class InfixNames
    {
        /// <summary>No arrays, no free indices: every name is a scalar.</summary>
        public static readonly InfixNames None = new InfixNames();

        /// <param name="arrays">Array names with their shapes (each extent at least 1).</param>
        /// <param name="freeIndices">Indices a formula may use in subscripts outside any sum or product.</param>
        /// <param name="allowUndeclaredArrays">
        /// Whether a name that is not declared may be subscripted by an index: it is then an element of an array of unknown
        /// shape, reported in <see cref="InfixFormula.Subscripted"/> so a caller can infer the shape and parse again.
        /// </param>
        public InfixNames(IReadOnlyDictionary<string, IReadOnlyList<int>>? arrays = null, IEnumerable<IndexSymbol>? freeIndices = null,
            bool allowUndeclaredArrays = false)
        {
            Arrays = arrays ?? new Dictionary<string, IReadOnlyList<int>>();
            foreach (var array in Arrays)
                if (array.Value.Count == 0 || array.Value.Any(n => n < 1))
                    throw new ArgumentException($"Array '{array.Key}' needs at least one extent, each at least 1.", nameof(arrays));
            FreeIndices = (freeIndices ?? Enumerable.Empty<IndexSymbol>()).ToArray();
            AllowUndeclaredArrays = allowUndeclaredArrays;
        }

        /// <summary>The declared arrays and their shapes.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<int>> Arrays { get; }

        /// <summary>The free indices, found by name.</summary>
        public IReadOnlyList<IndexSymbol> FreeIndices { get; }

        /// <summary>Whether an undeclared name may be subscripted by an index.</summary>
        public bool AllowUndeclaredArrays { get; }

        internal IndexSymbol? FreeIndex(string name)
        {
            foreach (var i in FreeIndices)
                if (i.Name == name) return i;
            return null;
        }
    }

    /// <summary>A parsed formula with the names it reads, in order of first appearance.</summary>
    public sealed class InfixFormula
    {
        internal InfixFormula(Expr expression, IReadOnlyList<string> names, IReadOnlyList<SubscriptedName> subscripted)
        {
            Expression = expression;
            Names = names;
            Subscripted = subscripted;
        }

        /// <summary>The simplified expression.</summary>
        public Expr Expression { get; }

        /// <summary>
        /// Every scalar name (flattened names like <c>x[0,1]</c> included) and every array name the text reads, in order of
        /// first appearance (before simplification, so a name that cancels out is still listed).
        /// </summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>Each undeclared name written with subscripts, with the values they take: what a caller needs to infer a shape.</summary>
        public IReadOnlyList<SubscriptedName> Subscripted { get; }
    }

    /// <summary>An undeclared name written with subscripts: how many, the least and greatest value of each, and where first.</summary>
    public sealed class SubscriptedName
    {
        internal SubscriptedName(string name, int dimensions, int position)
        {
            Name = name;
            Min = Enumerable.Repeat(long.MaxValue, dimensions).ToArray();
            Max = Enumerable.Repeat(long.MinValue, dimensions).ToArray();
            Position = position;
        }

        public string Name { get; }

        /// <summary>The number of subscripts.</summary>
        public int Dimensions => Min.Length;

        /// <summary>The least value of each subscript over every use and every value of its indices.</summary>
        public long[] Min { get; }

        /// <summary>The greatest value of each subscript.</summary>
        public long[] Max { get; }

        /// <summary>Whether some use has a subscript in an index (not only integers).</summary>
        public bool Indexed { get; internal set; }

        /// <summary>The 0-based position of the first use in the text.</summary>
        public int Position { get; }

        internal void Include(IReadOnlyList<Affine> subscripts)
        {
            for (var k = 0; k < subscripts.Count; k++)
            {
                Min[k] = Math.Min(Min[k], subscripts[k].Min);
                Max[k] = Math.Max(Max[k], subscripts[k].Max);
                if (!subscripts[k].IsConstant) Indexed = true;
            }
        }
    }
}
