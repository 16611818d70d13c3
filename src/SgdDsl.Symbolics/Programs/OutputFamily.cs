using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// A family of outputs that share free indices: for every value of <see cref="Indices"/> (outermost
    /// first) <see cref="Value"/> is computed and handed to <see cref="Target"/>, e.g. the gradient entries
    /// ∂ℓ/∂W[p0, p1] for all p0, p1.
    /// </summary>
    public sealed class OutputFamily
    {
        public OutputFamily(IReadOnlyList<IndexSymbol> indices, Expr value, OutputTarget target)
        {
            Indices = indices ?? throw new ArgumentNullException(nameof(indices));
            Value = value ?? throw new ArgumentNullException(nameof(value));
            Target = target ?? throw new ArgumentNullException(nameof(target));
        }

        public IReadOnlyList<IndexSymbol> Indices { get; }

        public Expr Value { get; }

        public OutputTarget Target { get; }
    }

    /// <summary>Where an output family's values go: the method's result, or entries of an output array.</summary>
    public sealed class OutputTarget
    {
        private OutputTarget(string? array, IReadOnlyList<OutputPosition> positions)
        {
            Array = array;
            Positions = positions;
        }

        /// <summary>The value is the method's result.</summary>
        public static OutputTarget Result { get; } = new OutputTarget(null, new OutputPosition[0]);

        /// <summary>The value is written to <paramref name="array"/> at each of <paramref name="positions"/> (two for a symmetric pair).</summary>
        public static OutputTarget Entries(string array, params OutputPosition[] positions)
        {
            if (positions.Length == 0) throw new ArgumentException("An array target needs a position.", nameof(positions));
            return new OutputTarget(array ?? throw new ArgumentNullException(nameof(array)), positions);
        }

        /// <summary>The output array's name; null for the result.</summary>
        public string? Array { get; }

        public IReadOnlyList<OutputPosition> Positions { get; }

        public bool IsResult => Array == null;
    }

    /// <summary>
    /// A position in an output array: <see cref="Row"/> · <see cref="RowWidth"/> + <see cref="Column"/>
    /// (a Hessian entry, a Jacobian row), or just <see cref="Column"/> when there is no row.
    /// </summary>
    public sealed class OutputPosition
    {
        public OutputPosition(FlatIndex column, FlatIndex? row = null, int rowWidth = 0)
        {
            Column = column ?? throw new ArgumentNullException(nameof(column));
            Row = row;
            RowWidth = rowWidth;
        }

        public FlatIndex? Row { get; }

        public int RowWidth { get; }

        public FlatIndex Column { get; }

        /// <summary>The position for the given index values.</summary>
        public int Evaluate(Func<IndexSymbol, int> values) => (Row?.Evaluate(values) ?? 0) * RowWidth + Column.Evaluate(values);
    }

    /// <summary>
    /// <see cref="Offset"/> + Σ_k <see cref="Strides"/>[k] · <see cref="Subscripts"/>[k]: the row-major
    /// position of an array entry whose block starts at <see cref="Offset"/>.
    /// </summary>
    public sealed class FlatIndex
    {
        public FlatIndex(int offset, IReadOnlyList<Affine> subscripts, IReadOnlyList<int> strides)
        {
            if (subscripts.Count != strides.Count) throw new ArgumentException("One stride per subscript.", nameof(strides));
            Offset = offset;
            Subscripts = subscripts;
            Strides = strides;
        }

        /// <summary>A single index: the position is its value.</summary>
        public static FlatIndex Of(IndexSymbol index) => new FlatIndex(0, new[] { Affine.Of(index) }, new[] { 1 });

        public int Offset { get; }

        public IReadOnlyList<Affine> Subscripts { get; }

        public IReadOnlyList<int> Strides { get; }

        public int Evaluate(Func<IndexSymbol, int> values) => Offset + Subscripts.Select((s, k) => Strides[k] * s.Evaluate(values)).Sum();
    }
}
