using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Values of one loop's index alone that the loops around it would recompute: the tabulation rule applied to products
    /// the outputs do not contain as subexpressions (a product's factors of q alone, and the inner part of a split product).
    /// </summary>
    public sealed partial class LoopScheduler
    {
        /// <summary>
        /// A product computed in a loop over q nested in others whose factors of q alone multiply to a costly value (a
        /// tangent's (1 − h_q²)·ḣ_q beside U[i, q]): (that product, the other factors), so it is tabulated once rather than
        /// recomputed for every outer iteration. Null when there is no such pair of factors.
        /// </summary>
        private (Expr Own, Expr Others)? IndexOnlyFactors(Expr e, Scope at)
        {
            if (!(e is Product p) || at.Index == null || at.Parent?.Index == null) return null;
            var own = p.Factors.Where(f => f.FreeIndices.Count == 1 && f.FreeIndices[0].Equals(at.Index)).ToList();
            if (own.Count < 2 || own.Count == p.Factors.Count) return null;
            var product = Expr.Multiply(own.ToArray());
            if (!RepeatsInOuterLoops(product, at)) return null;
            return (product, Expr.Multiply(p.Factors.Where(f => !own.Contains(f)).Prepend(Expr.Const(p.Coefficient)).ToArray()));
        }

        /// <summary>A costly value of <paramref name="at"/>'s index alone, computed in a loop nested in another.</summary>
        private bool RepeatsInOuterLoops(Expr e, Scope at) =>
            at.Parent?.Index != null && Tabulable(e, at) && e.FreeIndices[0].Equals(at.Index);
    }
}
