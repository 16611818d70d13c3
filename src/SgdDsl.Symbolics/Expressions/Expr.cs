using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>The node kinds, in the order canonical sorting ranks them.</summary>
    public enum ExprKind
    {
        Constant,
        Variable,
        Function,
        Power,
        Product,
        Sum,
        Element,
        Delta,
        IndexedSum,
        IndexedProduct,
    }

    /// <summary>
    /// An immutable symbolic expression, always in canonical simplified form: the factories
    /// (<see cref="Add(Expr[])"/>, <see cref="Multiply(Expr[])"/>, <see cref="Pow"/>, <see cref="Apply"/>)
    /// fold constants, flatten and sort n-ary sums and products, collect like terms and powers of a
    /// common base, and drop identities with 0 and 1. So two expressions that simplify alike are
    /// structurally equal, and equality and hashing are structural (hashes cached).
    /// </summary>
    public abstract class Expr : IEquatable<Expr>, IComparable<Expr>
    {
        private readonly int _hash;

        private protected Expr(int hash) => _hash = hash;

        /// <summary>What kind of node this is.</summary>
        public abstract ExprKind Kind { get; }

        /// <summary>The direct subexpressions, in canonical order.</summary>
        public abstract IReadOnlyList<Expr> Children { get; }

        private IndexSymbol[]? _freeIndices;

        /// <summary>The indices this expression depends on and does not bind itself, sorted.</summary>
        public IReadOnlyList<IndexSymbol> FreeIndices => _freeIndices ??= ComputeFreeIndices();

        /// <summary>Whether <paramref name="index"/> is free in this expression.</summary>
        public bool DependsOn(IndexSymbol index) => Array.IndexOf(_freeIndices ??= ComputeFreeIndices(), index) >= 0;

        private int _depth = -1;

        /// <summary>How many sums and products over indices nest along the deepest path of this expression.</summary>
        public int ReductionDepth
        {
            get
            {
                if (_depth >= 0) return _depth;
                var depth = 0;
                foreach (var child in Children) depth = Math.Max(depth, child.ReductionDepth);
                return _depth = this is Reduction ? depth + 1 : depth;
            }
        }

        private int _maxBound = -2;

        /// <summary>The largest n of a canonical bound index #n of a sum or product in this expression; −1 if there is none.</summary>
        internal int MaxBoundNumber
        {
            get
            {
                if (_maxBound > -2) return _maxBound;
                var max = this is Reduction r ? r.Bound.CanonicalNumber : -1;
                foreach (var child in Children) max = Math.Max(max, child.MaxBoundNumber);
                return _maxBound = max;
            }
        }

        private int _height = -1;

        /// <summary>The number of nodes on the longest path from this node down to a leaf (a leaf has height 0).</summary>
        internal int Height
        {
            get
            {
                if (_height >= 0) return _height;
                var height = -1;
                foreach (var child in Children) height = Math.Max(height, child.Height);
                return _height = height + 1;
            }
        }

        private protected virtual IndexSymbol[] ComputeFreeIndices()
        {
            var children = Children;
            if (children.Count == 0) return Array.Empty<IndexSymbol>();
            if (children.Count == 1) return (IndexSymbol[])children[0].FreeIndices;
            SortedSet<IndexSymbol>? set = null;
            foreach (var child in children)
            {
                if (child.FreeIndices.Count == 0) continue;
                set ??= new SortedSet<IndexSymbol>();
                set.UnionWith(child.FreeIndices);
            }

            return set == null ? Array.Empty<IndexSymbol>() : new List<IndexSymbol>(set).ToArray();
        }

        public static readonly Expr Zero = new Constant(0.0);
        public static readonly Expr One = new Constant(1.0);
        public static readonly Expr MinusOne = new Constant(-1.0);

        public static Expr Const(double value) =>
            value == 0.0 ? Zero : value == 1.0 ? One : new Constant(value);

        public static Expr Var(string name) => new Variable(name);

        /// <summary>The simplified sum of <paramref name="terms"/>.</summary>
        public static Expr Add(params Expr[] terms) => SumBuilder.Build(terms);

        /// <summary>The simplified product of <paramref name="factors"/>.</summary>
        public static Expr Multiply(params Expr[] factors) => ProductBuilder.Build(factors);

        /// <summary>The simplified power b^e.</summary>
        public static Expr Pow(Expr b, Expr e) => PowerBuilder.Build(b, e);

        /// <summary>The simplified application f(x).</summary>
        public static Expr Apply(MathFunction f, Expr x) => FunctionCall.Build(f, x);

        public static Expr operator +(Expr a, Expr b) => Add(a, b);
        public static Expr operator -(Expr a, Expr b) => Add(a, Multiply(MinusOne, b));
        public static Expr operator -(Expr a) => ProductBuilder.Negate(a);
        public static Expr operator *(Expr a, Expr b) => Multiply(a, b);
        public static Expr operator /(Expr a, Expr b) => Multiply(a, Pow(b, MinusOne));
        public static implicit operator Expr(double value) => Const(value);

        /// <summary>True when this is a constant with the given value.</summary>
        public bool IsConstant(double value) => this is Constant c && c.Value == value;

        public bool Equals(Expr? other) =>
            ReferenceEquals(this, other) ||
            (other is not null && other._hash == _hash && other.Kind == Kind && EqualsSameKind(other));

        public override bool Equals(object? obj) => obj is Expr e && Equals(e);

        public override int GetHashCode() => _hash;

        public int CompareTo(Expr? other) => other is null ? 1 : ExprOrder.Compare(this, other);

        private protected abstract bool EqualsSameKind(Expr other);

        /// <summary>Simplified infix text, e.g. <c>0.5*(a*b*x - y)^2</c>; parses back with <see cref="InfixParser"/>.</summary>
        public override string ToString() => InfixPrinter.Format(this);

        /// <summary>FNV-1a style: mixing x in before multiplying keeps f(f(x)) from hashing like x (so nested chains do not collide).</summary>
        internal static int Combine(int h, int x) => unchecked((h ^ x) * 16777619);

        internal static int Combine(int seed, IReadOnlyList<Expr> items)
        {
            var h = seed;
            foreach (var item in items) h = Combine(h, item._hash);
            return h;
        }
    }
}
