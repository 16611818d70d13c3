using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Σ or Π of a body over a bound index 0 … Range − 1. The bound index is named canonically from the body (#0 for an
    /// innermost reduction, one above the reductions nested in it otherwise), so equal reductions are equal whatever the
    /// user called their index and a nested reduction never shadows an outer one; the name also moves past any canonical
    /// index free in the body (an outer sum's, which differentiation can move inside a new sum), so none is captured.
    /// </summary>
    public abstract class Reduction : Expr
    {
        private readonly Expr[] _children;

        private protected Reduction(IndexSymbol bound, Expr body, int seed)
            : base(Combine(Combine(seed, bound.GetHashCode()), body.GetHashCode()))
        {
            Bound = bound;
            Body = body;
            _children = new[] { body };
        }

        /// <summary>The bound index; its range is the number of terms or factors.</summary>
        public IndexSymbol Bound { get; }

        public Expr Body { get; }

        public override IReadOnlyList<Expr> Children => _children;

        private protected override IndexSymbol[] ComputeFreeIndices()
        {
            var inner = Body.FreeIndices;
            var result = new List<IndexSymbol>(inner.Count);
            foreach (var i in inner)
                if (!i.Equals(Bound)) result.Add(i);
            return result.ToArray();
        }

        private protected override bool EqualsSameKind(Expr other)
        {
            var r = (Reduction)other;
            return r.Bound.Equals(Bound) && r.Body.Equals(Body);
        }

        /// <summary>
        /// The canonical bound index for a reduction of <paramref name="body"/> over <paramref name="index"/>: #n for the
        /// least n above every bound index of a reduction inside the body (so #0 innermost, #1 around it, …: the name
        /// depends on the body's structure, not on where it sits), moved further up only when a canonical index free in the
        /// body other than <paramref name="index"/> has that very name, which differentiation can cause and which would
        /// otherwise be captured.
        /// </summary>
        internal static IndexSymbol CanonicalBound(Expr body, IndexSymbol index)
        {
            var n = body.MaxBoundNumber + 1;
            while (FreeCanonical(body, index, n)) n++;
            return new IndexSymbol("#" + n, index.Range);
        }

        private static bool FreeCanonical(Expr body, IndexSymbol index, int n)
        {
            foreach (var free in body.FreeIndices)
                if (free.CanonicalNumber == n && !free.Equals(index)) return true;
            return false;
        }
    }

    /// <summary>Σ_{Bound = 0}^{Range − 1} Body.</summary>
    public sealed class IndexedSum : Reduction
    {
        internal IndexedSum(IndexSymbol bound, Expr body) : base(bound, body, 149)
        {
        }

        public override ExprKind Kind => ExprKind.IndexedSum;

        /// <summary>
        /// The simplified sum of <paramref name="body"/> over <paramref name="index"/>: constant and
        /// index-free factors move out, sums split, and a Kronecker delta in the index collapses the sum.
        /// </summary>
        public static Expr Build(IndexSymbol index, Expr body)
        {
            if (!body.DependsOn(index)) return Multiply(Const(index.Range), body);
            if (body is Sum s)
            {
                var terms = new List<Expr> { Const(s.Offset * index.Range) };
                foreach (var t in s.Terms) terms.Add(Build(index, t));
                return Add(terms.ToArray());
            }

            var factors = body is Product p ? p.Factors : new[] { body };
            var outside = new List<Expr> { Const(body is Product q ? q.Coefficient : 1.0) };
            var inside = new List<Expr>();
            foreach (var f in factors) (f.DependsOn(index) ? inside : outside).Add(f);
            if (outside.Count > 1 || !outside[0].IsConstant(1.0))
            {
                outside.Add(Build(index, Multiply(inside.ToArray())));
                return Multiply(outside.ToArray());
            }

            for (var k = 0; k < inside.Count; k++)
            {
                if (inside[k] is Delta d && TrySolve(d, index, out var value))
                {
                    var rest = new List<Expr>(inside);
                    rest.RemoveAt(k);
                    return IndexSubstitution.Substitute(Multiply(rest.ToArray()), index, value);
                }
            }

            var bound = CanonicalBound(body, index);
            return new IndexedSum(bound, bound.Equals(index) ? body : IndexSubstitution.Substitute(body, index, Affine.Of(bound)));
        }

        /// <summary>Solves δ = 1 for <paramref name="index"/> when its coefficient is ±1 and the solution always lies in its range.</summary>
        private static bool TrySolve(Delta d, IndexSymbol index, out Affine value)
        {
            var c = d.Difference.CoefficientOf(index);
            value = -c * d.Difference.Substitute(index, Affine.Of(0));
            return (c == 1 || c == -1) && value.Min >= 0 && value.Max < index.Range;
        }
    }

    /// <summary>Π_{Bound = 0}^{Range − 1} Body.</summary>
    public sealed class IndexedProduct : Reduction
    {
        internal IndexedProduct(IndexSymbol bound, Expr body) : base(bound, body, 151)
        {
        }

        public override ExprKind Kind => ExprKind.IndexedProduct;

        /// <summary>The simplified product of <paramref name="body"/> over <paramref name="index"/>; index-free factors become powers.</summary>
        public static Expr Build(IndexSymbol index, Expr body)
        {
            if (!body.DependsOn(index)) return Pow(body, Const(index.Range));
            if (body is Product p)
            {
                var outside = new List<Expr> { Const(System.Math.Pow(p.Coefficient, index.Range)) };
                var inside = new List<Expr>();
                foreach (var f in p.Factors)
                    if (f.DependsOn(index)) inside.Add(f);
                    else outside.Add(Pow(f, Const(index.Range)));
                if (outside.Count > 1 || !outside[0].IsConstant(1.0))
                {
                    outside.Add(Build(index, Multiply(inside.ToArray())));
                    return Multiply(outside.ToArray());
                }
            }

            // An exclusive product's positions form a set: Π_{i ∉ {p, p}} is Π_{i ≠ p}, so equal products stay equal.
            if (ExclusiveProduct.TryParse(index, body, out var factor, out var excluded)) body = ExclusiveProduct.Body(index, factor, excluded);
            var bound = CanonicalBound(body, index);
            return new IndexedProduct(bound, bound.Equals(index) ? body : IndexSubstitution.Substitute(body, index, Affine.Of(bound)));
        }
    }
}
