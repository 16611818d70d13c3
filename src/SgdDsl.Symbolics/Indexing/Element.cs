using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>One entry of a parameter or data array, such as <c>W[j, k + 1]</c>, with affine subscripts.</summary>
    public sealed class Element : Expr
    {
        private readonly Affine[] _subscripts;

        public Element(string array, params Affine[] subscripts)
            : base(Combine(Combine(131, Variable.StableHash(array)), subscripts.Aggregate(0, (h, s) => Combine(h, s.GetHashCode()))))
        {
            if (subscripts.Length == 0) throw new ArgumentException("An element needs at least one subscript.", nameof(subscripts));
            Array = array;
            _subscripts = subscripts;
        }

        /// <summary>The array's name.</summary>
        public string Array { get; }

        public IReadOnlyList<Affine> Subscripts => _subscripts;

        public override ExprKind Kind => ExprKind.Element;

        public override IReadOnlyList<Expr> Children => System.Array.Empty<Expr>();

        private protected override IndexSymbol[] ComputeFreeIndices() =>
            _subscripts.SelectMany(s => s.Indices).Distinct().OrderBy(i => i).ToArray();

        private protected override bool EqualsSameKind(Expr other)
        {
            var e = (Element)other;
            return e.Array == Array && e._subscripts.SequenceEqual(_subscripts);
        }

        /// <summary>This element with <paramref name="index"/> replaced in every subscript.</summary>
        public Element Substitute(IndexSymbol index, Affine value) =>
            new Element(Array, _subscripts.Select(s => s.Substitute(index, value)).ToArray());
    }
}
