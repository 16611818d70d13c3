using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Scattered sums (see TransposedSums.cs) that an output adds with constant weights, merged into one. The tangent of
    /// a layer's adjoint in a Hessian-vector product is Σ_i U[i, p]·a_i − 2·Σ_i U[i, p]·b_i + Σ_i V[i, p]·c_i: three passes
    /// over the rows into three tables read once each. As Σ_i (U[i, p]·(a_i − 2 b_i) + V[i, p]·c_i) it is one pass into
    /// one table, two row terms per row. Only sums read nowhere else merge, so nothing is computed twice. Exact algebra
    /// (only rounding differs).
    /// </summary>
    public sealed partial class LoopScheduler
    {
        private IReadOnlyList<OutputFamily> MergeScattered(IReadOnlyList<OutputFamily> families)
        {
            if (!_transposedSums) return families;
            var parents = new Dictionary<Expr, int>();
            var seen = new HashSet<Expr>();
            foreach (var family in families) CountParents(family.Value, parents, seen);
            var memo = new Dictionary<Expr, Expr>();
            return families.Select(f => Merged(f.Value, parents, memo) is var v && ReferenceEquals(v, f.Value) ? f : new OutputFamily(f.Indices, v, f.Target)).ToList();
        }

        /// <summary>How many distinct expressions hold each subexpression as a child.</summary>
        private static void CountParents(Expr e, Dictionary<Expr, int> parents, HashSet<Expr> seen)
        {
            if (!seen.Add(e)) return;
            foreach (var child in e.Children.Distinct())
            {
                parents.TryGetValue(child, out var n);
                parents[child] = n + 1;
                CountParents(child, parents, seen);
            }
        }

        private Expr Merged(Expr e, Dictionary<Expr, int> parents, Dictionary<Expr, Expr> memo)
        {
            if (e.MaxBoundNumber < 0) return e;
            if (memo.TryGetValue(e, out var done)) return done;
            Expr[] Map(IReadOnlyList<Expr> items) => items.Select(x => Merged(x, parents, memo)).ToArray();
            var result = e switch
            {
                Sum s => MergedTerms(s, Map(s.Terms), parents),
                Product p => Expr.Multiply(Map(p.Children)),
                Power w => Expr.Pow(Merged(w.Base, parents, memo), Merged(w.Exponent, parents, memo)),
                FunctionCall f => Expr.Apply(f.Function, Merged(f.Argument, parents, memo)),
                IndexedSum r => IndexedSum.Build(r.Bound, Merged(r.Body, parents, memo)),
                IndexedProduct r => IndexedProduct.Build(r.Bound, Merged(r.Body, parents, memo)),
                _ => e,
            };
            return memo[e] = result.Equals(e) ? e : result;
        }

        /// <summary>The sum of <paramref name="terms"/> (those of <paramref name="s"/>, rewritten) with its mergeable scattered sums merged.</summary>
        private Expr MergedTerms(Sum s, Expr[] terms, Dictionary<Expr, int> parents)
        {
            var groups = new Dictionary<(int Range, IndexSymbol Free), List<(double Weight, IndexedSum Sum)>>();
            var rest = new List<Expr> { Expr.Const(s.Offset) };
            for (var k = 0; k < terms.Length; k++)
            {
                if (ReferenceEquals(terms[k], s.Terms[k]) && Weighted(s.Terms[k], parents) is var (weight, sum) && ReadsAcrossRows(sum))
                {
                    var key = (sum.Bound.Range, sum.FreeIndices[0]);
                    if (!groups.TryGetValue(key, out var members)) groups[key] = members = new List<(double, IndexedSum)>();
                    members.Add((weight, sum));
                }
                else
                {
                    rest.Add(terms[k]);
                }
            }

            foreach (var members in groups.Values)
                rest.Add(members.Count == 1 ? Expr.Multiply(Expr.Const(members[0].Weight), members[0].Sum) : Merge(members));
            return Expr.Add(rest.ToArray());
        }

        /// <summary>(c, Σ) for a term c·Σ_i body(i, p) whose sum (and product with c) nothing else reads; else null.</summary>
        private static (double Weight, IndexedSum Sum)? Weighted(Expr term, Dictionary<Expr, int> parents)
        {
            var (weight, inner) = term is Product { Factors: { Count: 1 } } p ? (p.Coefficient, p.Factors[0]) : (1.0, term);
            if (!(inner is IndexedSum sum) || sum.FreeIndices.Count != 1 || parents[inner] != 1 || term != inner && parents[term] != 1) return null;
            return (weight, sum);
        }

        /// <summary>Σ_i Σ_k c_k·body_k(i, p), each body moved onto one bound index first.</summary>
        private static Expr Merge(List<(double Weight, IndexedSum Sum)> members)
        {
            var common = new IndexSymbol("$merged", members[0].Sum.Bound.Range);
            var body = Expr.Add(members.Select(m => Expr.Multiply(Expr.Const(m.Weight), IndexSubstitution.Substitute(m.Sum.Body, m.Sum.Bound, Affine.Of(common)))).ToArray());
            var bound = Reduction.CanonicalBound(body, common);
            // Built directly: IndexedSum.Build would split the sum of bodies back into one sum per term.
            return new IndexedSum(bound, IndexSubstitution.Substitute(body, common, Affine.Of(bound)));
        }
    }
}
