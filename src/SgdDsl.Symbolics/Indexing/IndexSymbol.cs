using System;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// An integer index running over 0 … Range − 1: the bound index of a sum or product, or a free index
    /// naming one entry of a parameter array (the m in ∂ℓ/∂W[m, n]).
    /// </summary>
    public sealed class IndexSymbol : IEquatable<IndexSymbol>, IComparable<IndexSymbol>
    {
        public IndexSymbol(string name, int range)
        {
            if (range < 1) throw new ArgumentOutOfRangeException(nameof(range), range, "An index needs a range of at least 1.");
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Range = range;
        }

        public string Name { get; }

        /// <summary>The index takes the values 0 … Range − 1.</summary>
        public int Range { get; }

        /// <summary>True for the canonical names the engine gives bound indices of sums and products.</summary>
        public bool IsBound => Name.Length > 0 && Name[0] == '#';

        /// <summary>n for the canonical bound name #n; −1 for any other name.</summary>
        internal int CanonicalNumber => IsBound && int.TryParse(Name.Substring(1), out var n) ? n : -1;

        public bool Equals(IndexSymbol? other) => other is not null && other.Name == Name && other.Range == Range;

        public override bool Equals(object? obj) => obj is IndexSymbol s && Equals(s);

        public override int GetHashCode() => Expr.Combine(Variable.StableHash(Name), Range);

        public int CompareTo(IndexSymbol? other)
        {
            if (other is null) return 1;
            var c = string.CompareOrdinal(Name, other.Name);
            return c != 0 ? c : Range.CompareTo(other.Range);
        }

        public override string ToString() => Name;
    }
}
