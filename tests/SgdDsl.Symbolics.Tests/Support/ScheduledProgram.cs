namespace SgdDsl.Symbolics.Tests.Support;

/// <summary>
/// Scalar outputs scheduled by <see cref="LoopScheduler"/> (the one common-subexpression elimination), and an
/// independent runner of the straight-line program it makes: each <see cref="Let"/> in order, every held subexpression
/// read from its intermediate (a positive power held for a reciprocal, an unnegated term for a subtracted one, as the
/// printers write them), then the stores. An intermediate read before it is defined fails the test.
/// </summary>
internal sealed class ScheduledProgram
{
    private readonly Dictionary<Intermediate, double> _locals = [];
    private readonly IReadOnlyDictionary<string, double> _inputs;

    private ScheduledProgram(IReadOnlyDictionary<string, double> inputs) => _inputs = inputs;

    /// <summary>The program storing output i into out[i].</summary>
    public static LoopProgram Of(params Expr[] outputs) =>
        LoopScheduler.Schedule(outputs.Select((o, i) => new OutputFamily([], o,
            OutputTarget.Entries("out", new OutputPosition(new FlatIndex(i, [], []))))).ToList());

    public static IReadOnlyList<Let> Lets(LoopProgram program) => program.Statements.OfType<Let>().ToList();

    /// <summary>The definitions of the intermediates, in order.</summary>
    public static IReadOnlyList<Expr> Definitions(LoopProgram program) =>
        Lets(program).Select(l => Assert.IsType<Formula>(l.Value).Expression).ToList();

    /// <summary>The C# text of each store's value, as the generator's loop writer prints it.</summary>
    public static IReadOnlyList<string> Stored(LoopProgram program) =>
        program.Statements.OfType<Store>().Select(s => Text(s.Value)).ToList();

    /// <summary>An operand as C#: intermediates as t0, t1, …; held subexpressions by the intermediate holding them.</summary>
    public static string Text(Operand operand) => operand switch
    {
        Intermediate t => "t" + t.Id,
        Formula f => new CSharpPrinter(v => v.Name, e => f.Held.TryGetValue(e, out var r) ? Text(r) : null).Print(f.Expression),
        SplitProduct p => $"{Text(p.Outer)} * ({Text(p.Inner)})",
        _ => throw new InvalidOperationException(operand.GetType().Name),
    };

    /// <summary>The intermediates <paramref name="operand"/> reads.</summary>
    public static IEnumerable<Intermediate> Reads(Operand operand) => operand switch
    {
        Intermediate t => [t],
        Formula f => f.Held.Values.OfType<Intermediate>(),
        SplitProduct p => Reads(p.Outer).Concat(Reads(p.Inner)),
        _ => throw new InvalidOperationException(operand.GetType().Name),
    };

    /// <summary>Runs a straight-line program of <paramref name="count"/> outputs.</summary>
    public static double[] Run(LoopProgram program, int count, IReadOnlyDictionary<string, double> inputs)
    {
        var run = new ScheduledProgram(inputs);
        var outputs = new double[count];
        foreach (var statement in program.Statements)
        {
            switch (statement)
            {
                case Let let:
                    run._locals.Add(let.Target, run.Value(let.Value));
                    break;
                case Store store:
                    var value = run.Value(store.Value);
                    foreach (var position in store.Family.Target.Positions) outputs[position.Evaluate(_ => 0)] = value;
                    break;
                default:
                    throw new InvalidOperationException($"A scalar program has no {statement.GetType().Name}.");
            }
        }

        return outputs;
    }

    private double Value(Operand operand) => operand switch
    {
        Intermediate t => Read(t),
        Formula f => Evaluate(f.Expression, f.Held, root: true),
        SplitProduct p => Value(p.Outer) * Value(p.Inner),
        _ => throw new InvalidOperationException(operand.GetType().Name),
    };

    private double Evaluate(Expr e, IReadOnlyDictionary<Expr, Reference> held, bool root)
    {
        if (!root && held.TryGetValue(e, out var reference)) return Value(reference);
        double Sub(Expr x) => Evaluate(x, held, root: false);
        switch (e)
        {
            case Constant c:
                return c.Value;
            case Variable v:
                return _inputs[v.Name];
            case Sum s:
                return s.Terms.Select((t, i) => IsWrittenNegated(s, i) ? -Sub(-t) : Sub(t)).Aggregate(s.Offset, (sum, t) => sum + t);
            case Product p:
                return p.Factors.Aggregate(p.Coefficient, (product, f) => product * Sub(f));
            case Power { ConstantExponent: < 0 } w:
                // b^−k is computed as 1 / b^k, so b^k is what is shared.
                return 1.0 / Sub(Expr.Pow(w.Base, Expr.Const(-w.ConstantExponent!.Value)));
            case Power w:
                return Math.Pow(Sub(w.Base), Sub(w.Exponent));
            case FunctionCall f:
                return Evaluator.Apply(f.Function, Sub(f.Argument));
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

    private double Read(Intermediate t)
    {
        Assert.True(_locals.TryGetValue(t, out var value), $"{Text(t)} is read before it is defined");
        return value;
    }
}
