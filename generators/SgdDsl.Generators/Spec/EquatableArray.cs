using System;
using System.Collections;
using System.Collections.Generic;

namespace SgdDsl.Generators.Spec
{
    /// <summary>An immutable array with value equality, so pipeline outputs compare by content and stay cached.</summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(T[] items) => _items = items;

        public static EquatableArray<T> Empty => new EquatableArray<T>(Array.Empty<T>());

        public int Count => _items?.Length ?? 0;

        public T this[int index] => _items![index];

        public bool Equals(EquatableArray<T> other)
        {
            if (Count != other.Count) return false;
            for (var i = 0; i < Count; i++)
                if (!EqualityComparer<T>.Default.Equals(_items![i], other._items![i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            var h = 17;
            for (var i = 0; i < Count; i++) h = unchecked(h * 31 + (_items![i]?.GetHashCode() ?? 0));
            return h;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
