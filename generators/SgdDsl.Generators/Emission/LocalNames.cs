using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Emission
{
    /// <summary>
    /// The C# text of symbols inside generated methods: the user's own names where they do not clash
    /// with the methods' arguments, loop variables and temporaries; array entries as row-major span
    /// accesses such as <c>W[p * 16 + i0]</c>.
    /// </summary>
    internal sealed class LocalNames
    {
        private static readonly HashSet<string> Reserved = new HashSet<string> { "theta", "sample", "gradient", "hessian", "v", "result", "value", "outputs", "jacobian", "pooled", "p", "q", "r", "s", SquaredResidualPattern.VectorIndexName };
        private readonly Dictionary<string, string> _locals = new Dictionary<string, string>();
        private readonly Dictionary<string, Block> _blocks = new Dictionary<string, Block>();
        private readonly HashSet<string> _taken = new HashSet<string>(Reserved);
        private readonly Dictionary<string, string> _tablePrefixes = new Dictionary<string, string>();
        private readonly Dictionary<(string Array, string Block), string> _outputSpans = new Dictionary<(string, string), string>();
        private readonly List<Block> _parameters;

        /// <summary>A printed formula with the direction of an H·v written v_W, as its code names it (unless the user took that name).</summary>
        public static string WithDirectionNames(string formula) => formula.Replace(DerivativeSet.DirectionPrefix, "v_");

        public LocalNames(ModelSpec spec)
        {
            var taken = _taken;
            foreach (var block in spec.Parameters.Concat(spec.Samples))
            {
                _blocks[block.Name] = block;
                _locals[block.Name] = Claim(taken, SyntaxFacts.GetKeywordKind(block.Name) != SyntaxKind.None ? "@" + block.Name : block.Name);
            }

            foreach (var block in spec.Parameters.Where(b => !b.IsScalar))
            {
                _blocks[DerivativeSet.DirectionPrefix + block.Name] = block;
                _locals[DerivativeSet.DirectionPrefix + block.Name] = Claim(taken, "v_" + block.Name);
            }

            // A parameter array's share of the gradient and of H·v: dW, hv_W.
            foreach (var block in spec.Parameters.Where(b => !b.IsScalar))
            {
                _outputSpans[("gradient", block.Name)] = Claim(taken, "d" + block.Name);
                _outputSpans[("result", block.Name)] = Claim(taken, "hv_" + block.Name);
            }

            _parameters = spec.Parameters.ToList();
            TemporaryPrefix = "t";
            while (taken.Any(n => IsNumbered(n, TemporaryPrefix))) TemporaryPrefix += "_";
            BoundPrefix = "i";
            while (taken.Any(n => IsNumbered(n, BoundPrefix))) BoundPrefix += "_";
            RowPrefix = "row";
            while (taken.Any(n => IsNumbered(n, RowPrefix))) RowPrefix += "_";
        }

        /// <summary>The array rented for the long tables of a method.</summary>
        public string PooledTables => "pooled";

        /// <summary>Prefix of common-subexpression locals (t0, t1, …).</summary>
        public string TemporaryPrefix { get; }

        /// <summary>Prefix of the loop variables of sums and products (i0, i1, …).</summary>
        public string BoundPrefix { get; }

        /// <summary>The stem of the tables of a role (<c>tanh</c>, <c>adjoint</c>, …: <see cref="Table.Role"/>), clear of the user's names.</summary>
        public string TablePrefix(string role)
        {
            if (_tablePrefixes.TryGetValue(role, out var prefix)) return prefix;
            prefix = role;
            while (_taken.Any(n => IsNumbered(n, prefix)) || IsNumbered(prefix, TemporaryPrefix) || IsNumbered(prefix, BoundPrefix)) prefix += "_";
            return _tablePrefixes[role] = prefix;
        }

        /// <summary>Prefix of the row slices an innermost loop walks (row0, row1, …: see <see cref="RowSlices"/>).</summary>
        public string RowPrefix { get; }

        /// <summary>The local holding a parameter, a data value, or a span of them.</summary>
        public string Local(string name) => _locals[name];

        /// <summary>The C# text of a scalar variable.</summary>
        public string Of(Variable v)
        {
            if (!v.Name.StartsWith(DerivativeSet.DirectionPrefix, System.StringComparison.Ordinal)) return _locals[v.Name];
            return "v[" + _blocks[v.Name.Substring(DerivativeSet.DirectionPrefix.Length)].Offset + "]";
        }

        /// <summary>The C# text of an array entry: its span indexed row-major.</summary>
        public string Of(Element e) => _locals[e.Array] + "[" + Format(PositionOf(e)) + "]";

        /// <summary>The span holding an array entry (as <see cref="Local"/>).</summary>
        public string SpanOf(Element e) => _locals[e.Array];

        /// <summary>The number of entries in the span holding an array entry.</summary>
        public int SpanLengthOf(Element e) => _blocks[e.Array].Size;

        /// <summary>An array entry's row-major position in its span.</summary>
        public FlatIndex PositionOf(Element e) => FlatIndex(_blocks[e.Array], e.Subscripts);

        /// <summary>The loop variable of an index.</summary>
        public string Of(IndexSymbol index) => index.IsBound ? BoundPrefix + index.Name.Substring(1) : index.Name;

        /// <summary>The row-major position of an entry of <paramref name="block"/> in its own span.</summary>
        private static FlatIndex FlatIndex(Block block, IReadOnlyList<Affine> subscripts) =>
            new FlatIndex(0, subscripts, subscripts.Select((_, k) => block.Stride(k)).ToArray());

        /// <summary>A position such as <c>p * 16 + q</c>: the offset first, strides of 1 left out.</summary>
        public string Format(FlatIndex index)
        {
            var parts = new List<string>();
            if (index.Offset != 0) parts.Add(index.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var k = 0; k < index.Subscripts.Count; k++)
            {
                var s = index.Subscripts[k];
                if (s.IsConstant && s.Constant == 0) continue;
                var text = s.Format(Of);
                var stride = index.Strides[k];
                parts.Add(stride == 1 ? text : (s.Terms.Count + (s.Constant != 0 ? 1 : 0) > 1 || text.StartsWith("-") ? "(" + text + ")" : text) + " * " + stride);
            }

            return parts.Count == 0 ? "0" : string.Join(" + ", parts);
        }

        /// <summary>
        /// Where an output entry is written: a parameter array's own slice of the gradient or of H·v with the position in
        /// it (<c>dW</c>, <c>p * 4 + q</c>), else the output array itself and the position unchanged.
        /// </summary>
        public (string Span, OutputPosition Position, Block? Block) OutputEntry(string array, OutputPosition position)
        {
            var offset = position.Column.Offset;
            if (position.Row == null && _parameters.FirstOrDefault(b => b.Offset <= offset && offset < b.Offset + b.Size) is { } block &&
                _outputSpans.TryGetValue((array, block.Name), out var span))
                return (span, new OutputPosition(new FlatIndex(offset - block.Offset, position.Column.Subscripts, position.Column.Strides)), block);
            return (array, position, null);
        }

        /// <summary>row · width + column, folded to a number when both are numbers.</summary>
        public string Position(OutputPosition position)
        {
            var column = Format(position.Column);
            if (position.Row == null) return column;
            var row = Format(position.Row);
            var n = position.RowWidth;
            if (int.TryParse(row, out var r) && int.TryParse(column, out var c)) return (r * n + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var rowStart = $"{(row.Contains(" ") ? "(" + row + ")" : row)} * {n}";
            return column == "0" ? rowStart : rowStart + " + " + column;
        }

        private static string Claim(HashSet<string> taken, string name)
        {
            while (taken.Contains(name)) name += "_";
            taken.Add(name);
            return name;
        }

        private static bool IsNumbered(string name, string prefix) =>
            name.StartsWith(prefix, System.StringComparison.Ordinal) && name.Length > prefix.Length && name.Skip(prefix.Length).All(char.IsDigit);
    }
}
