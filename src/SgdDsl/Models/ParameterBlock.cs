using System.Globalization;
using System.Runtime.CompilerServices;

namespace SgdDsl.Models;

/// <summary>
/// The parameter blocks of a model, recovered from its flattened names (<see cref="ILossModel"/> exposes no shapes):
/// a run of consecutive names <c>W[0,0]</c>, <c>W[0,1]</c>, … that is exactly the row-major flattening of one shape is
/// one block of that shape (as <see cref="GeneratedCodeSupport.FlatNames"/> writes them); every other name (<c>a</c>,
/// <c>w0</c>, a subscripted name out of order) is a scalar block of its own.
/// </summary>
internal sealed record ParameterBlock(string Name, int Offset, int[] Shape)
{
    /// <summary>The number of coordinates, the product of the shape (1 for a scalar).</summary>
    public int Size { get; } = Shape.Aggregate(1, (n, s) => n * s);

    /// <summary>
    /// The inputs each unit of the block reads: n for an m×n matrix (the row W[j, ·] multiplies an n-vector), n for a
    /// vector of length n (read as a 1×n row, like an output layer's weights Σ_j v_j h_j), 1 for a scalar. For higher
    /// ranks, the product of every dimension but the first.
    /// </summary>
    public int FanIn => Shape.Length switch
    {
        0 => 1,
        1 => Shape[0],
        _ => Shape.Skip(1).Aggregate(1, (n, s) => n * s),
    };

    // Generated models hand out one name list for their lifetime, so its blocks are found once.
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, IReadOnlyList<ParameterBlock>> Known = new();

    public static IReadOnlyList<ParameterBlock> Of(IReadOnlyList<string> names) => Known.GetValue(names, Find);

    private static IReadOnlyList<ParameterBlock> Find(IReadOnlyList<string> names)
    {
        var blocks = new List<ParameterBlock>();
        var k = 0;
        while (k < names.Count)
        {
            var block = ArrayAt(names, k) ?? new ParameterBlock(names[k], k, []);
            blocks.Add(block);
            k += block.Size;
        }
        return blocks.AsReadOnly();
    }

    /// <summary>The array block whose first entry is names[start], or null when names[start] does not begin one.</summary>
    private static ParameterBlock? ArrayAt(IReadOnlyList<string> names, int start)
    {
        if (!TrySplit(names[start], out var name, out var first) || first.Any(i => i != 0))
            return null;
        // The shape: the largest subscripts of the consecutive names of this base and rank.
        var shape = new int[first.Length];
        var end = start;
        while (end < names.Count && TrySplit(names[end], out var other, out var subscripts) && other == name && subscripts.Length == shape.Length)
        {
            for (var r = 0; r < shape.Length; r++)
                shape[r] = Math.Max(shape[r], subscripts[r] + 1);
            end++;
        }
        var block = new ParameterBlock(name, start, shape);
        if (block.Size != end - start) return null;
        var expected = GeneratedCodeSupport.FlatNames((name, shape));
        for (var k = 0; k < expected.Count; k++)
        {
            if (!string.Equals(expected[k], names[start + k], StringComparison.Ordinal)) return null;
        }
        return block;
    }

    /// <summary>Splits <c>W[1,2]</c> into W and (1, 2); false for a name without a trailing subscript list of integers.</summary>
    private static bool TrySplit(string text, out string name, out int[] subscripts)
    {
        (name, subscripts) = (text, []);
        var open = text.IndexOf('[');
        if (open <= 0 || !text.EndsWith(']')) return false;
        var parts = text[(open + 1)..^1].Split(',');
        var values = new int[parts.Length];
        for (var r = 0; r < parts.Length; r++)
        {
            if (!int.TryParse(parts[r], NumberStyles.None, CultureInfo.InvariantCulture, out values[r])) return false;
        }
        (name, subscripts) = (text[..open], values);
        return true;
    }
}
