using System.Collections.Generic;
using System.Linq;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Emission
{
    /// <summary>
    /// The rows an innermost loop walks: every span entry read or written at <c>base + i</c> (i the loop index, stride 1,
    /// base free of i) is reached through one slice <c>var row0 = W.Slice(base, n);</c> declared before the loop, and the
    /// loop runs to <c>row0.Length</c>, so the JIT drops that row's bounds checks as it does for a hand-written
    /// <c>row[k]</c> loop, instead of checking a computed index <c>W[p * 16 + k]</c> on every entry.
    /// </summary>
    internal sealed class RowSlices
    {
        private readonly IndexSymbol _index;
        private readonly LocalNames _names;
        private readonly System.Func<string> _newName;
        private readonly Dictionary<string, string> _rows = new Dictionary<string, string>();

        public RowSlices(IndexSymbol index, LocalNames names, System.Func<string> newName)
        {
            _index = index;
            _names = names;
            _newName = newName;
        }

        /// <summary>The slice declarations, in the order the loop first used them.</summary>
        public List<string> Declarations { get; } = new List<string>();

        /// <summary>The row whose length bounds the loop: the first one the body used, or null when the loop walks none.</summary>
        public string? Bound { get; private set; }

        /// <summary>
        /// <c>row0[i]</c> for an entry of <paramref name="span"/> (of <paramref name="spanLength"/> entries) at
        /// <paramref name="index"/>, or <c>x[i]</c> when the row is the whole span; null when the entry is not on a row along i.
        /// </summary>
        public string? Entry(string span, FlatIndex index, int spanLength)
        {
            if (!(RowKernels.RowStart(index, _index) is { } start)) return null;
            if (IsWhole(start, spanLength, _index))
            {
                Bound ??= span;
                return $"{span}[{_names.Of(_index)}]";
            }
            return Row(span, _names.Format(start));
        }

        /// <summary>
        /// Whether a row starting at <paramref name="start"/> (position 0: no index in it, constants summing to 0) is all of a
        /// span of <paramref name="spanLength"/> entries.
        /// </summary>
        public static bool IsWhole(FlatIndex start, int spanLength, IndexSymbol loopIndex) =>
            spanLength == loopIndex.Range && start.Subscripts.All(s => s.IsConstant) &&
            start.Offset + start.Subscripts.Select((s, k) => s.Constant * start.Strides[k]).Sum() == 0;

        /// <summary>
        /// As <see cref="Entry(string, FlatIndex, int)"/> for an output position (row · width + column: the column must walk
        /// the row) in a span of <paramref name="spanLength"/> entries (0 when unknown).
        /// </summary>
        public string? Entry(string span, OutputPosition position, int spanLength)
        {
            if (position.Row == null) return Entry(span, position.Column, spanLength);
            if (Mentions(position.Row)) return null;
            return RowKernels.RowStart(position.Column, _index) is { } start ? Row(span, _names.Position(new OutputPosition(start, position.Row, position.RowWidth))) : null;
        }

        private string Row(string span, string start)
        {
            var slice = $"{span}.Slice({start}, {_index.Range})";
            if (!_rows.TryGetValue(slice, out var name))
            {
                _rows[slice] = name = _newName();
                Declarations.Add($"var {name} = {slice};");
                Bound ??= name;
            }
            return $"{name}[{_names.Of(_index)}]";
        }

        private bool Mentions(FlatIndex index) => index.Subscripts.Any(s => s.Indices.Contains(_index));
    }
}
