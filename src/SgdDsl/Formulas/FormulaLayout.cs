using System.Globalization;
using System.Text.RegularExpressions;
using SgdDsl.Symbolics;

namespace SgdDsl.Formulas;

/// <summary>
/// The blocks of a formula model: the trained parameters as listed (scalars, and arrays declared with their shape such as
/// <c>W[16,4]</c>), the data in order of first appearance, each array flattened row-major under names like <c>W[0,1]</c>
/// as a generated model names them. A data array's shape is inferred from the formula: one more than the greatest value
/// each of its subscripts takes.
/// </summary>
internal sealed partial record FormulaLayout(Symbolics.Expr Loss, IReadOnlyList<ParameterBlock> Parameters, IReadOnlyList<ParameterBlock> Data)
{
    /// <summary>The flattened names of the parameters (θ in order) and of the data (a sample in order).</summary>
    public IReadOnlyList<string> ParameterNames => Flatten(Parameters);

    public IReadOnlyList<string> SampleNames => Flatten(Data);

    /// <exception cref="FormatException">The loss is not a formula, or an array's subscripts leave its shape.</exception>
    /// <exception cref="ArgumentException">A parameter is not in the loss, is repeated, is subscripted without a shape, or there is none.</exception>
    public static FormulaLayout Of(string loss, IReadOnlyList<string> parameters)
    {
        // First pass: every subscripted name, declared or not, with the values its subscripts take.
        var first = InfixParser.Read(loss, new InfixNames(allowUndeclaredArrays: true));
        if (parameters.Count == 0) throw new ArgumentException("Give at least one trained parameter.", nameof(parameters));
        var declared = parameters.Select(p => Declaration(p, first)).ToList();
        CheckDistinct(declared);

        var arrays = new Dictionary<string, IReadOnlyList<int>>();
        foreach (var (name, shape) in declared)
            if (shape.Length > 0) arrays[name] = shape;
        foreach (var use in first.Subscripted.Where(u => u.Indexed))
        {
            if (arrays.ContainsKey(use.Name)) continue;
            if (declared.Any(p => p.Name == use.Name))
                throw new ArgumentException($"Parameter '{use.Name}' is subscripted by an index in the loss; declare its shape, e.g. {use.Name}[{string.Join(",", use.Max.Select(m => m + 1))}].", nameof(parameters));
            arrays[use.Name] = InferredShape(use, loss);
        }

        // Second pass: every array declared, so each entry is an Element checked against its shape.
        var formula = InfixParser.Read(loss, new InfixNames(arrays));
        var leaves = LeafNames.All(formula.Expression);
        foreach (var (name, shape) in declared)
            if (!leaves.Contains(name))
                throw new ArgumentException($"Parameter '{(shape.Length > 0 ? name + "[" + string.Join(",", shape) + "]" : name)}' does not occur in the loss {InfixPrinter.Format(formula.Expression)}.", nameof(parameters));

        var parameterBlocks = Blocks(declared);
        var dataNames = formula.Names.Where(n => leaves.Contains(n) && declared.All(p => p.Name != n));
        var dataBlocks = Blocks(dataNames.Select(n => (n, arrays.TryGetValue(n, out var shape) ? shape.ToArray() : [])));
        return new FormulaLayout(formula.Expression, parameterBlocks, dataBlocks);
    }

    /// <summary>
    /// A listed parameter: <c>NAME[n,…]</c> with extents ≥ 1 declares an array, unless the loss reads that very entry as a
    /// flattened scalar (the older way of listing entries one by one, <c>W[0,1]</c>); anything else is a scalar name.
    /// </summary>
    private static (string Name, int[] Shape) Declaration(string entry, InfixFormula first)
    {
        var text = entry.Trim();
        var match = ShapeSyntax().Match(text);
        if (!match.Success) return (text, []);
        var name = match.Groups["name"].Value;
        var extents = match.Groups["extent"].Captures.Select(c => c.Value).ToArray();
        var flat = name + "[" + string.Join(",", extents.Select(e => e.TrimStart('0').PadLeft(1, '0'))) + "]";
        if (first.Names.Contains(flat) || extents.Any(e => e.All(c => c == '0'))) return (flat, []);
        var shape = new int[extents.Length];
        for (var k = 0; k < extents.Length; k++)
            if (!int.TryParse(extents[k], NumberStyles.None, CultureInfo.InvariantCulture, out shape[k]))
                throw new ArgumentException($"Parameter '{text}': extent '{extents[k]}' is too large.", nameof(entry));
        if (shape.Aggregate(1L, (n, s) => n * s) > int.MaxValue)
            throw new ArgumentException($"Parameter '{text}' has more than {int.MaxValue} entries.", nameof(entry));
        return (name, shape);
    }

    private static void CheckDistinct(List<(string Name, int[] Shape)> declared)
    {
        if (declared.Select(p => p.Name).Distinct().Count() != declared.Count)
            throw new ArgumentException("A parameter is listed twice.", "parameters");
        foreach (var (name, shape) in declared)
        {
            if (shape.Length > 0) continue;
            var bracket = name.IndexOf('[');
            if (bracket > 0 && declared.FirstOrDefault(p => p.Shape.Length > 0 && p.Name == name[..bracket]) is { Name: not null } array)
                throw new ArgumentException($"Parameter '{name}' is an entry of the array {array.Name}[{string.Join(",", array.Shape)}] listed as well; list the array once.", "parameters");
        }
    }

    /// <summary>One more than the greatest value of each subscript; a subscript below 0 is an error.</summary>
    private static int[] InferredShape(SubscriptedName use, string loss)
    {
        for (var k = 0; k < use.Dimensions; k++)
            if (use.Min[k] < 0)
                throw new FormatException($"subscript {k + 1} of '{use.Name}' takes the value {use.Min[k]}, but subscripts start at 0 (first use at position {use.Position + 1} of \"{Excerpt(loss)}\")");
        if (use.Max.Aggregate(1L, (n, m) => n * (m + 1)) > int.MaxValue)
            throw new FormatException($"the data array '{use.Name}' would have more than {int.MaxValue} entries (first use at position {use.Position + 1})");
        return use.Max.Select(m => (int)(m + 1)).ToArray();
    }

    private static List<ParameterBlock> Blocks(IEnumerable<(string Name, int[] Shape)> blocks)
    {
        var result = new List<ParameterBlock>();
        var offset = 0;
        foreach (var (name, shape) in blocks)
        {
            var block = new ParameterBlock(name, shape, offset);
            result.Add(block);
            offset += block.Size;
        }

        return result;
    }

    // Row-major flattened names, exactly as a generated model names its blocks.
    private static IReadOnlyList<string> Flatten(IReadOnlyList<ParameterBlock> blocks) =>
        GeneratedCodeSupport.FlatNames(blocks.Select(b => (b.Name, b.Shape.ToArray())).ToArray());

    private static string Excerpt(string text) => text.Length <= 120 ? text : text[..117] + "…";

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\[\s*(?<extent>[0-9]+)\s*(,\s*(?<extent>[0-9]+)\s*)*\]$")]
    private static partial Regex ShapeSyntax();
}
