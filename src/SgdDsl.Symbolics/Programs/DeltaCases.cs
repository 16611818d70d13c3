using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Resolves Kronecker deltas in the free indices of output families before scheduling. A family whose value
    /// is V = A + δ(p − r)·B over indices (…, p, …, r, …) becomes two: V with the delta set to 0 over every index, and
    /// then V at r = p over the others (where the delta is 1), which overwrites the entries with p = r. So no loop
    /// multiplies by a 0/1 condition: the diagonal block of a Hessian is a loop of its own, one index shorter.
    /// Deltas of a single index (δ(r − 2), from <c>w[2]</c>) are left alone: splitting on them would copy a family once
    /// per constant.
    /// </summary>
    internal static class DeltaCases
    {
        /// <summary>The families with every resolvable delta split into its two cases, each diagonal case after its off-diagonal one.</summary>
        public static IReadOnlyList<OutputFamily> Split(IReadOnlyList<OutputFamily> families)
        {
            var result = new List<OutputFamily>(families.Count);
            foreach (var family in families) SplitInto(family, result);
            return result;
        }

        private static void SplitInto(OutputFamily family, List<OutputFamily> result)
        {
            if (FindCase(family) is not var (delta, index, value))
            {
                result.Add(family);
                return;
            }

            // Off the diagonal the delta is 0; on it (index = value) it is 1, and the second family overwrites those entries.
            SplitInto(new OutputFamily(family.Indices, ExclusiveProduct.Replace(family.Value, delta, Expr.Zero), family.Target), result);
            var indices = family.Indices.Where(i => !i.Equals(index)).ToArray();
            SplitInto(new OutputFamily(indices, IndexSubstitution.Substitute(family.Value, index, value), Substitute(family.Target, index, value)), result);
        }

        /// <summary>
        /// A delta of the value in the family's own indices, the index to solve it for (the innermost one with coefficient
        /// ±1, so the outer loops stay shared) and its solution, which must lie in the index's range whatever the other
        /// indices are (else some entry with the delta 1 would be missed); null when there is none.
        /// </summary>
        private static (Delta Delta, IndexSymbol Index, Affine Value)? FindCase(OutputFamily family)
        {
            if (family.Indices.Count == 0) return null;
            foreach (var delta in Deltas(family.Value))
            {
                // A delta of one index (δ(r − 2), a unit vector) would split a family once per value; only relations are split.
                if (delta.Difference.Terms.Count < 2 || !delta.Difference.Indices.All(i => family.Indices.Contains(i))) continue;
                for (var k = family.Indices.Count - 1; k >= 0; k--)
                {
                    var index = family.Indices[k];
                    var c = delta.Difference.CoefficientOf(index);
                    if (c != 1 && c != -1) continue;
                    var value = -c * delta.Difference.Substitute(index, Affine.Of(0));
                    if (value.Min >= 0 && value.Max < index.Range) return (delta, index, value);
                }
            }

            return null;
        }

        /// <summary>The deltas of <paramref name="e"/>, outermost first, each once.</summary>
        private static IEnumerable<Delta> Deltas(Expr e)
        {
            var seen = new HashSet<Expr>();
            var queue = new Queue<Expr>();
            queue.Enqueue(e);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                if (!seen.Add(x) || x.FreeIndices.Count == 0) continue;
                if (x is Delta d) yield return d;
                foreach (var child in x.Children) queue.Enqueue(child);
            }
        }

        private static OutputTarget Substitute(OutputTarget target, IndexSymbol index, Affine value) =>
            target.IsResult
                ? target
                : OutputTarget.Entries(target.Array!, Distinct(target.Positions.Select(p => new OutputPosition(
                    Substitute(p.Column, index, value), p.Row == null ? null : Substitute(p.Row, index, value), p.RowWidth))));

        /// <summary>The positions once each: a symmetric pair on the diagonal is one entry.</summary>
        private static OutputPosition[] Distinct(IEnumerable<OutputPosition> positions)
        {
            var result = new List<OutputPosition>();
            foreach (var p in positions)
                if (!result.Any(q => q.RowWidth == p.RowWidth && Same(q.Column, p.Column) && (q.Row == null ? p.Row == null : p.Row != null && Same(q.Row, p.Row))))
                    result.Add(p);
            return result.ToArray();
        }

        private static bool Same(FlatIndex a, FlatIndex b) =>
            a.Offset == b.Offset && a.Subscripts.SequenceEqual(b.Subscripts) && a.Strides.SequenceEqual(b.Strides);

        private static FlatIndex Substitute(FlatIndex f, IndexSymbol index, Affine value) =>
            new FlatIndex(f.Offset, f.Subscripts.Select(s => s.Substitute(index, value)).ToArray(), f.Strides);
    }
}
