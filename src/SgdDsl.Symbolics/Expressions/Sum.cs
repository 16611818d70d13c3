using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// offset + Σ terms. Canonical: at least one term, no term a sum or a constant, like terms
    /// collected (so no two terms differ only in their numeric coefficient), terms sorted.
    /// </summary>
    public sealed class Sum : Expr
    {
        private readonly Expr[] _terms;
        private readonly Expr[] _children;

        internal Sum(double offset, Expr[] terms)
            : base(Combine(Combine(53, offset.GetHashCode()), terms))
        {
            Offset = offset;
            _terms = terms;
            _children = offset == 0.0 ? terms : Append(terms, Const(offset));
        }

        /// <summary>The constant term.</summary>
        public double Offset { get; }

        /// <summary>The non-constant terms, each possibly carrying a numeric coefficient.</summary>
        public IReadOnlyList<Expr> Terms => _terms;

        public override ExprKind Kind => ExprKind.Sum;

        public override IReadOnlyList<Expr> Children => _children;

        private protected override bool EqualsSameKind(Expr other)
        {
            var s = (Sum)other;
            return s.Offset.Equals(Offset) && SequenceEqual(s._terms, _terms);
        }

        internal static bool SequenceEqual(Expr[] a, Expr[] b)
        {
            if (a.Length != b.Length) return false;
            for (var i = 0; i < a.Length; i++)
                if (!a[i].Equals(b[i])) return false;
            return true;
        }

        private static Expr[] Append(Expr[] items, Expr last)
        {
            var all = new Expr[items.Length + 1];
            items.CopyTo(all, 0);
            all[items.Length] = last;
            return all;
        }
    }
}
