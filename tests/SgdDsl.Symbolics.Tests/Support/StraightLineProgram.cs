namespace SgdDsl.Symbolics.Tests.Support;

/// <summary>
/// Runs the program a <see cref="CommonSubexpressions"/> plan describes: each temporary in order,
/// reading earlier temporaries by name wherever their expression occurs, then the outputs. A
/// temporary read before it is defined fails the test.
/// </summary>
internal sealed class StraightLineProgram
{
    private readonly CommonSubexpressions _cse;
    private readonly Dictionary<string, double> _locals;

    private StraightLineProgram(CommonSubexpressions cse, IReadOnlyDictionary<string, double> inputs)
    {
        _cse = cse;
        _locals = new Dictionary<string, double>(inputs);
    }

    public static double[] Run(CommonSubexpressions cse, IReadOnlyList<Expr> outputs, IReadOnlyDictionary<string, double> inputs)
    {
        var program = new StraightLineProgram(cse, inputs);
        foreach (var t in cse.Temporaries) program._locals.Add(t.Name, program.Evaluate(t.Definition, root: true));
        return outputs.Select(o => program.Evaluate(o, root: false)).ToArray();
    }

    /// <summary>The temporaries read directly by <paramref name="definition"/> (not through another temporary).</summary>
    public static IEnumerable<string> ReadsOf(Expr definition, IReadOnlyDictionary<Expr, string> names)
    {
        var children = definition is Sum s
            ? s.Terms.Select((t, i) => IsWrittenNegated(s, i) ? -t : t)
            : definition.Children;
        foreach (var child in children)
        {
            if (names.TryGetValue(child, out var name)) yield return name;
            else if (child is Power { ConstantExponent: < 0 } p && names.TryGetValue(Reciprocal(p), out var denominator)) yield return denominator;
            else foreach (var inner in ReadsOf(child, names)) yield return inner;
        }
    }

    private double Evaluate(Expr e, bool root)
    {
        if (!root && _cse.Names.TryGetValue(e, out var name)) return Read(name);
        switch (e)
        {
            case Constant c:
                return c.Value;
            case Variable v:
                return _locals[v.Name];
            case Sum s:
                return s.Terms.Select((t, i) => IsWrittenNegated(s, i) ? -Evaluate(-t, false) : Evaluate(t, false)).Aggregate(s.Offset, (sum, t) => sum + t);
            case Product p:
                return p.Factors.Aggregate(p.Coefficient, (product, f) => product * Evaluate(f, false));
            case Power { ConstantExponent: < 0 } w:
                // The plan shares b^k for b^−k, which the code computes as 1 / b^k.
                return 1.0 / Evaluate(Reciprocal(w), false);
            case Power w:
                return Math.Pow(Evaluate(w.Base, false), Evaluate(w.Exponent, false));
            case FunctionCall f:
                return Evaluator.Apply(f.Function, Evaluate(f.Argument, false));
            default:
                throw new InvalidOperationException(e.Kind.ToString());
        }
    }

    /// <summary>
    /// The printers' sum layout: a negative term −m is written " - m" (so m is what is computed and
    /// shared) unless it leads the sum; it does not lead when a positive constant is written first.
    /// </summary>
    private static bool IsWrittenNegated(Sum s, int i) =>
        IsNegative(s.Terms[i]) && (i > 0 || (s.Offset > 0 && IsNegative(s.Terms[0])));

    private static bool IsNegative(Expr term) => term is Product { Coefficient: < 0 };

    private double Read(string name)
    {
        Assert.True(_locals.TryGetValue(name, out var value), $"temporary {name} is read before it is defined");
        return value;
    }

    private static Expr Reciprocal(Power p) => Expr.Pow(p.Base, Expr.Const(-p.ConstantExponent!.Value));
}
