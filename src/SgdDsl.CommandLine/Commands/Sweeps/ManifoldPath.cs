using SgdDsl.Data;
using SgdDsl.Symbolics;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>
/// Starts along the manifold from <c>--path "a=0.5:2:40"</c> (several paths span their product, the first varying
/// slowest) and <c>--fix "b=1/a"</c> (formulas in the path variables, earlier fixes and the base point's parameters,
/// parsed and evaluated by the symbolic engine). Parameters in neither keep their value in the base point.
/// </summary>
internal static class ManifoldPath
{
    public static IReadOnlyList<StartPoint> Starts(ILossModel model, double[]? basePoint, IReadOnlyList<string> paths, IReadOnlyList<string> fixes)
    {
        var names = model.ParameterNames;
        var axes = new List<(string Name, double[] Values)>();
        foreach (var path in paths)
        {
            var (name, spec) = Split("--path", path, names);
            if (axes.Any(a => a.Name == name)) throw new UsageException($"--path: parameter {name} has two paths.");
            axes.Add((name, GridSpec.Parse("--path", spec)));
        }
        var product = axes.Aggregate(1L, (n, a) => Math.Min(n * a.Values.Length, SweepGrid.MaxPoints + 1));
        if (product > SweepGrid.MaxPoints)
            throw new UsageException($"--path: the paths span {string.Join(" × ", axes.Select(a => a.Values.Length))} positions, more than a sweep takes (at most {SweepGrid.MaxPoints} grid points).");
        var formulas = new List<(string Name, Expr Formula)>();
        foreach (var fix in fixes)
        {
            var (name, text) = Split("--fix", fix, names);
            if (axes.Any(a => a.Name == name) || formulas.Any(f => f.Name == name))
                throw new UsageException($"--fix: parameter {name} is already given by a --path or --fix.");
            try
            {
                formulas.Add((name, InfixParser.Parse(text)));
            }
            catch (FormatException e)
            {
                throw new UsageException($"--fix: '{fix}': {e.Message}");
            }
        }
        var covered = axes.Select(a => a.Name).Concat(formulas.Select(f => f.Name)).ToHashSet();
        if (basePoint is null && names.Any(n => !covered.Contains(n)))
            throw new UsageException($"--at: give the parameters the path leaves open ({string.Join(", ", names.Where(n => !covered.Contains(n)))}).");

        var starts = new List<StartPoint>();
        foreach (var combination in Product(axes))
        {
            var values = new Dictionary<string, double>();
            for (var k = 0; k < names.Count; k++)
                if (basePoint is not null) values[names[k]] = basePoint[k];
            foreach (var (name, value) in combination) values[name] = value;
            foreach (var (name, formula) in formulas)
            {
                double value;
                try
                {
                    value = Evaluator.Evaluate(formula, values);
                }
                catch (KeyNotFoundException e)
                {
                    throw new UsageException($"--fix: {name} = {formula}: {e.Message}");
                }
                if (!double.IsFinite(value))
                    throw new UsageException($"--fix: {name} = {formula} is {value} at {string.Join(", ", combination.Select(c => $"{c.Name} = {c.Value}"))}.");
                values[name] = value;
            }
            starts.Add(new StartPoint(names.Select(n => values[n]).ToArray(), combination));
        }
        return starts;
    }

    private static (string Name, string Value) Split(string flag, string text, IReadOnlyList<string> names)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0) throw new UsageException($"{flag}: '{Excerpt.Of(text)}' is not NAME=…, e.g. {(flag == "--fix" ? "b=1/a" : "a=0.5:2:40")}.");
        var name = text[..eq].Trim();
        if (!names.Contains(name))
            throw new UsageException($"{flag}: '{Excerpt.Of(name)}' is not a parameter; the parameters are {string.Join(", ", names)}.");
        return (name, text[(eq + 1)..]);
    }

    private static IEnumerable<List<(string Name, double Value)>> Product(List<(string Name, double[] Values)> axes)
    {
        IEnumerable<List<(string, double)>> result = [[]];
        foreach (var (name, values) in axes)
            result = result.SelectMany(prefix => values.Select(v => new List<(string, double)>(prefix) { (name, v) })).ToList();
        return result;
    }
}
