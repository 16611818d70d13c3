using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// An integer affine combination of indices, c₀ + Σ cᵢ·iᵢ: the form of every subscript (j, j + 1,
    /// n − 1 − j). Immutable, with terms sorted by index and no zero coefficients, so equality is structural.
    /// </summary>
    public sealed class Affine : IEquatable<Affine>
    {
        private readonly KeyValuePair<IndexSymbol, int>[] _terms;
        private readonly int _hash;

        private Affine(KeyValuePair<IndexSymbol, int>[] terms, int constant)
        {
            _terms = terms;
            Constant = constant;
            var h = Expr.Combine(7, constant);
            foreach (var t in terms) h = Expr.Combine(Expr.Combine(h, t.Key.GetHashCode()), t.Value);
            _hash = h;
        }

        public static Affine Of(int constant) => new Affine(Array.Empty<KeyValuePair<IndexSymbol, int>>(), constant);

        public static Affine Of(IndexSymbol index) => new Affine(new[] { new KeyValuePair<IndexSymbol, int>(index, 1) }, 0);

        /// <summary>The constant term c₀.</summary>
        public int Constant { get; }

        /// <summary>The index terms (index, coefficient), sorted by index.</summary>
        public IReadOnlyList<KeyValuePair<IndexSymbol, int>> Terms => _terms;

        public bool IsConstant => _terms.Length == 0;

        public IEnumerable<IndexSymbol> Indices => _terms.Select(t => t.Key);

        public int CoefficientOf(IndexSymbol index)
        {
            foreach (var t in _terms)
                if (t.Key.Equals(index)) return t.Value;
            return 0;
        }

        /// <summary>The smallest value over the ranges of the indices.</summary>
        public long Min => Constant + _terms.Sum(t => t.Value < 0 ? (long)t.Value * (t.Key.Range - 1) : 0L);

        /// <summary>The largest value over the ranges of the indices.</summary>
        public long Max => Constant + _terms.Sum(t => t.Value > 0 ? (long)t.Value * (t.Key.Range - 1) : 0L);

        public static Affine operator +(Affine a, Affine b) => Combine(a, 1, b);

        public static Affine operator -(Affine a, Affine b) => Combine(a, -1, b);

        public static Affine operator *(int c, Affine a) => Combine(Of(0), c, a);

        public static Affine operator -(Affine a) => -1 * a;

        /// <summary>This affine form with <paramref name="index"/> replaced by <paramref name="value"/>.</summary>
        public Affine Substitute(IndexSymbol index, Affine value)
        {
            var c = CoefficientOf(index);
            if (c == 0) return this;
            var rest = new Affine(_terms.Where(t => !t.Key.Equals(index)).ToArray(), Constant);
            return Combine(rest, c, value);
        }

        /// <summary>The value for the given index values.</summary>
        public int Evaluate(Func<IndexSymbol, int> values)
        {
            var v = Constant;
            foreach (var t in _terms) v += t.Value * values(t.Key);
            return v;
        }

        public bool Equals(Affine? other)
        {
            if (other is null || other._hash != _hash || other.Constant != Constant || other._terms.Length != _terms.Length) return false;
            for (var i = 0; i < _terms.Length; i++)
                if (!other._terms[i].Key.Equals(_terms[i].Key) || other._terms[i].Value != _terms[i].Value) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is Affine a && Equals(a);

        public override int GetHashCode() => _hash;

        /// <summary>Text such as <c>j + 1</c> or <c>15 - i</c>, naming each index through <paramref name="name"/>.</summary>
        public string Format(Func<IndexSymbol, string> name)
        {
            var sb = new StringBuilder();
            foreach (var t in _terms)
            {
                var magnitude = Math.Abs(t.Value);
                if (sb.Length == 0) sb.Append(t.Value < 0 ? "-" : "");
                else sb.Append(t.Value < 0 ? " - " : " + ");
                if (magnitude != 1) sb.Append(magnitude).Append(" * ");
                sb.Append(name(t.Key));
            }

            if (sb.Length == 0) return Constant.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Constant != 0) sb.Append(Constant < 0 ? " - " : " + ").Append(Math.Abs(Constant));
            return sb.ToString();
        }

        public override string ToString() => Format(i => i.Name);

        private static Affine Combine(Affine a, int scale, Affine b)
        {
            var sums = new SortedDictionary<IndexSymbol, int>();
            foreach (var t in a._terms) sums[t.Key] = t.Value;
            foreach (var t in b._terms)
            {
                sums.TryGetValue(t.Key, out var c);
                sums[t.Key] = c + scale * t.Value;
            }

            return new Affine(sums.Where(s => s.Value != 0).ToArray(), a.Constant + scale * b.Constant);
        }
    }
}
