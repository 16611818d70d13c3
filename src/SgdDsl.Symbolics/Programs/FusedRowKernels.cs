using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Inner products of one loop over at most two rows on each side, done in one pass that loads each row once: member k
    /// is Left[LeftOf(k)]·Right[RightOf(k)] (a layer's pre-activation and its tangents, U[i, ·]·h and U[i, ·]·ḣ beside
    /// V[i, ·]·h). <see cref="Members"/> are the dot products it replaces, for consumers that do them one by one.
    /// </summary>
    public sealed class RowDots : RowKernel
    {
        private readonly List<(int Left, int Right)> _pairs;

        internal RowDots(IReadOnlyList<RowOperand> left, IReadOnlyList<RowOperand> right, IReadOnlyList<RowDot> members, List<(int, int)> pairs)
        {
            Left = left;
            Right = right;
            Members = members;
            _pairs = pairs;
        }

        /// <summary>One or two rows.</summary>
        public IReadOnlyList<RowOperand> Left { get; }

        /// <summary>One or two rows.</summary>
        public IReadOnlyList<RowOperand> Right { get; }

        public IReadOnlyList<RowDot> Members { get; }

        /// <summary>The accumulator summing Left[left]·Right[right], or null when no member does.</summary>
        public Accumulator? TargetOf(int left, int right)
        {
            var k = _pairs.IndexOf((left, right));
            return k < 0 ? null : Members[k].Target;
        }
    }

    /// <summary>
    /// Two tables updated from at most two rows in one pass: Destinations[j] += Σ_s ScaleOf(j, s)·Sources[s], a missing
    /// scale being 0 (a layer's adjoint and its tangent, δ += a·U[i, ·] and δ̇ += b·U[i, ·] + c·V[i, ·]).
    /// <see cref="Members"/> are the row updates it replaces, for consumers that do them one by one.
    /// </summary>
    public sealed class RowUpdates : RowKernel
    {
        private readonly Operand?[,] _scales;

        internal RowUpdates(IReadOnlyList<RowOperand> sources, IReadOnlyList<RowOperand> destinations, Operand?[,] scales, IReadOnlyList<RowKernel> members)
        {
            Sources = sources;
            Destinations = destinations;
            _scales = scales;
            Members = members;
        }

        /// <summary>One or two rows read.</summary>
        public IReadOnlyList<RowOperand> Sources { get; }

        /// <summary>Two table rows added to.</summary>
        public IReadOnlyList<RowOperand> Destinations { get; }

        public IReadOnlyList<RowKernel> Members { get; }

        /// <summary>The factor of Sources[source] in Destinations[destination], or null for 0.</summary>
        public Operand? ScaleOf(int destination, int source) => _scales[destination, source];
    }

    /// <summary>
    /// Groups the independent row kernels of one loop that read a common row into one pass: a row is then loaded once for
    /// all of them rather than once per kernel (for 64–500–500–1's H·v, about a tenth of its time).
    /// </summary>
    internal static class RowFusion
    {
        public static IReadOnlyList<RowKernel> Fuse(IReadOnlyList<RowKernel> kernels)
        {
            var groups = new Dictionary<RowKernel, RowKernel>();
            FuseDots(kernels.OfType<RowDot>().Where(d => d.Factors.Count == 2).ToList(), groups);
            FuseUpdates(kernels.Where(k => Terms(k) != null).ToList(), groups);
            // Each group takes the place of its first member; the others go.
            var result = new List<RowKernel>();
            foreach (var kernel in kernels)
            {
                if (!groups.TryGetValue(kernel, out var group)) result.Add(kernel);
                else if (!result.Contains(group)) result.Add(group);
            }

            return result;
        }

        private static void FuseDots(List<RowDot> dots, Dictionary<RowKernel, RowKernel> groups)
        {
            var done = new HashSet<RowDot>();
            foreach (var first in dots)
            {
                if (done.Contains(first)) continue;
                var (left, right) = (new List<RowOperand> { first.Factors[0] }, new List<RowOperand> { first.Factors[1] });
                var members = new List<RowDot> { first };
                var pairs = new List<(int, int)> { (0, 0) };
                foreach (var other in dots)
                {
                    if (other == first || done.Contains(other)) continue;
                    // A dot product is symmetric: its rows may take either side.
                    if (!((Place(other.Factors[0], other.Factors[1], left, right, pairs) ?? Place(other.Factors[1], other.Factors[0], left, right, pairs)) is { } pair)) continue;
                    members.Add(other);
                    pairs.Add(pair);
                }

                if (members.Count < 2) continue;
                var group = new RowDots(left, right, members, pairs);
                foreach (var member in members)
                {
                    done.Add(member);
                    groups[member] = group;
                }
            }
        }

        /// <summary>The (left, right) slots of a product u·v that shares a row with the group, adding a row where there is room; else null.</summary>
        private static (int, int)? Place(RowOperand u, RowOperand v, List<RowOperand> left, List<RowOperand> right, List<(int, int)> pairs)
        {
            var (l, r) = (left.FindIndex(x => Same(x, u)), right.FindIndex(x => Same(x, v)));
            if (l < 0 && r < 0 || l < 0 && left.Count == 2 || r < 0 && right.Count == 2) return null;
            var pair = (l < 0 ? left.Count : l, r < 0 ? right.Count : r);
            if (pairs.Contains(pair)) return null;
            if (l < 0) left.Add(u);
            if (r < 0) right.Add(v);
            return pair;
        }

        private static void FuseUpdates(List<RowKernel> updates, Dictionary<RowKernel, RowKernel> groups)
        {
            var done = new HashSet<RowKernel>();
            foreach (var first in updates)
            {
                if (done.Contains(first)) continue;
                foreach (var second in updates)
                {
                    if (second == first || done.Contains(second) || Same(Destination(first), Destination(second))) continue;
                    var sources = new List<RowOperand>();
                    foreach (var term in Terms(first)!.Concat(Terms(second)!))
                        if (!sources.Any(s => Same(s, term.Source))) sources.Add(term.Source);
                    if (sources.Count > 2 || sources.Count == Terms(first)!.Count + Terms(second)!.Count) continue;

                    var scales = new Operand?[2, sources.Count];
                    var members = new[] { first, second };
                    for (var j = 0; j < 2; j++)
                        foreach (var term in Terms(members[j])!)
                            scales[j, sources.FindIndex(s => Same(s, term.Source))] = term.Scale;
                    var group = new RowUpdates(sources, new[] { Destination(first), Destination(second) }, scales, members);
                    done.Add(first);
                    done.Add(second);
                    groups[first] = groups[second] = group;
                    break;
                }
            }
        }

        /// <summary>The terms a row update adds to a table, or null for other kernels (and for writes, which replace).</summary>
        private static IReadOnlyList<ScaledRow>? Terms(RowKernel kernel) => kernel switch
        {
            RowScale { Adds: true, Destination: TableRow } s => new[] { new ScaledRow(s.Scale, s.Source) },
            RowCombination { Adds: true, Destination: TableRow } c when !Same(c.First.Source, c.Second.Source) => new[] { c.First, c.Second },
            _ => null,
        };

        private static RowOperand Destination(RowKernel kernel) => kernel is RowScale s ? s.Destination : ((RowCombination)kernel).Destination;

        private static bool Same(RowOperand a, RowOperand b) => (a, b) switch
        {
            (TableRow x, TableRow y) => x.Table == y.Table,
            (ArrayRow x, ArrayRow y) => x.Start.Equals(y.Start),
            _ => false,
        };
    }
}
