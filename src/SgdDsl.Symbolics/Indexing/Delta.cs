using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// The Kronecker delta δ(a, b), stored as the affine difference d = a − b (normalized so its first
    /// coefficient is positive): 1 when d = 0, else 0. It is what differentiating W[j, k] with respect
    /// to W[m, n] leaves behind, and it collapses sums: Σ_j δ(j, m) f(j) = f(m).
    /// </summary>
    public sealed class Delta : Expr
    {
        private Delta(Affine difference) : base(Combine(137, difference.GetHashCode())) => Difference = difference;

        /// <summary>d = a − b, so the delta is 1 exactly when d = 0.</summary>
        public Affine Difference { get; }

        public override ExprKind Kind => ExprKind.Delta;

        public override IReadOnlyList<Expr> Children => System.Array.Empty<Expr>();

        /// <summary>δ(a, b), folded to 0 or 1 when a − b is a constant or can never vanish.</summary>
        public static Expr Of(Affine a, Affine b)
        {
            var d = a - b;
            if (d.IsConstant) return d.Constant == 0 ? One : Zero;
            if (d.Min > 0 || d.Max < 0) return Zero;
            if (d.Terms[0].Value < 0) d = -d;
            return new Delta(d);
        }

        private protected override IndexSymbol[] ComputeFreeIndices() => Difference.Indices.ToArray();

        private protected override bool EqualsSameKind(Expr other) => ((Delta)other).Difference.Equals(Difference);
    }
}
