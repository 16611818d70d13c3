using System.Linq.Expressions;
using System.Reflection;
using SgdDsl.Symbolics;
using Linq = System.Linq.Expressions.Expression;

namespace SgdDsl.Formulas;

/// <summary>
/// Compiles a <see cref="LoopProgram"/> to a delegate with System.Linq.Expressions: the same program the
/// generator prints as C#, built at run time. Scalar leaves are read from arrays (θ, the sample, the direction v),
/// intermediates become block locals, loops become loops, and every array target writes into one output array.
/// </summary>
internal static class ProgramCompiler
{
    private static readonly MethodInfo Pow = typeof(Math).GetMethod(nameof(Math.Pow))!;

    /// <summary>The engine's own definition of each function, so a formula computes what the symbolic evaluator does.</summary>
    private static readonly MethodInfo Evaluate = typeof(FunctionInfo).GetMethod(nameof(FunctionInfo.Evaluate))!;

    /// <summary>
    /// A delegate (θ, sample, v, output) running <paramref name="program"/>: it writes the program's array outputs
    /// into output and returns its result (0 when it has none); v may be empty when nothing reads it.
    /// </summary>
    public static Func<double[], double[], double[], double[], double> Compile(
        LoopProgram program, IReadOnlyList<string> parameters, IReadOnlyList<string> data)
    {
        var theta = Linq.Parameter(typeof(double[]), "theta");
        var sample = Linq.Parameter(typeof(double[]), "sample");
        var v = Linq.Parameter(typeof(double[]), "v");
        var output = Linq.Parameter(typeof(double[]), "output");

        var leaves = new Dictionary<string, Linq>();
        for (var i = 0; i < parameters.Count; i++)
        {
            leaves[parameters[i]] = Linq.ArrayIndex(theta, Linq.Constant(i));
            leaves[DerivativeSet.DirectionPrefix + parameters[i]] = Linq.ArrayIndex(v, Linq.Constant(i));
        }

        for (var i = 0; i < data.Count; i++) leaves[data[i]] = Linq.ArrayIndex(sample, Linq.Constant(i));

        var builder = new Builder(leaves, output);
        var body = builder.Statements(program.Statements);
        body.Add(Linq.Label(builder.Return, Linq.Constant(0.0)));
        var block = Linq.Block(builder.Locals, body);
        return Linq.Lambda<Func<double[], double[], double[], double[], double>>(block, theta, sample, v, output).Compile();
    }

    private sealed class Builder(Dictionary<string, Linq> leaves, ParameterExpression output)
    {
        private readonly Dictionary<Intermediate, ParameterExpression> _intermediates = [];
        private readonly Dictionary<Table, ParameterExpression> _tables = [];
        private readonly Dictionary<IndexSymbol, ParameterExpression> _indices = [];

        public LabelTarget Return { get; } = Linq.Label(typeof(double), "result");

        public List<ParameterExpression> Locals { get; } = [];

        public List<Linq> Statements(IEnumerable<Statement> statements)
        {
            var body = new List<Linq>();
            foreach (var statement in statements) body.AddRange(Statement(statement));
            return body;
        }

        private IEnumerable<Linq> Statement(Statement statement)
        {
            switch (statement)
            {
                case Let let:
                    yield return Linq.Assign(Local(let.Target), Operand(let.Value));
                    break;
                case Accumulate a:
                    yield return a.Accumulator.Kind == AccumulatorKind.Sum
                        ? Linq.AddAssign(Local(a.Accumulator.Target), Operand(a.Term))
                        : Linq.MultiplyAssign(Local(a.Accumulator.Target), Operand(a.Term));
                    break;
                case TableStore store:
                    yield return Linq.Assign(Linq.ArrayAccess(_tables[store.Table], Index(store.Index)), Operand(store.Value));
                    break;
                case Store { Family.Target.IsResult: true } store:
                    yield return Linq.Return(Return, Operand(store.Value));
                    break;
                case Store store:
                    var value = Linq.Variable(typeof(double), "stored");
                    Locals.Add(value);
                    yield return Linq.Assign(value, Operand(store.Value));
                    foreach (var position in store.Family.Target.Positions)
                        yield return Linq.Assign(Linq.ArrayAccess(output, Position(position)), value);
                    break;
                case Loop loop:
                    foreach (var e in Loop(loop)) yield return e;
                    break;
                default:
                    throw new NotSupportedException($"Unknown statement {statement.GetType().Name}.");
            }
        }

        private IEnumerable<Linq> Loop(Loop loop)
        {
            // Tables only arise over array indices, which formulas do not have; they would be allocated per call.
            foreach (var table in loop.Tables)
            {
                var array = Linq.Variable(typeof(double[]), "tab" + table.Id);
                Locals.Add(array);
                _tables[table] = array;
                yield return Linq.Assign(array, Linq.NewArrayBounds(typeof(double), Linq.Constant(table.Length)));
            }

            foreach (var accumulator in loop.Accumulators)
                yield return Linq.Assign(Local(accumulator.Target), Linq.Constant(accumulator.Identity));
            var i = Index(loop.Index);
            var end = Linq.Label("end");
            var body = Statements(loop.Body);
            body.Add(Linq.PreIncrementAssign(i));
            yield return Linq.Assign(i, Linq.Constant(0));
            yield return Linq.Loop(Linq.IfThenElse(Linq.LessThan(i, Linq.Constant(loop.Index.Range)), Linq.Block(body), Linq.Break(end)), end);
        }

        private ParameterExpression Local(Intermediate t)
        {
            if (_intermediates.TryGetValue(t, out var local)) return local;
            local = Linq.Variable(typeof(double), "t" + t.Id);
            Locals.Add(local);
            return _intermediates[t] = local;
        }

        private ParameterExpression Index(IndexSymbol index)
        {
            if (_indices.TryGetValue(index, out var local)) return local;
            local = Linq.Variable(typeof(int), index.Name);
            Locals.Add(local);
            return _indices[index] = local;
        }

        private Linq Position(OutputPosition p)
        {
            var column = Flat(p.Column);
            return p.Row == null ? column : Linq.Add(Linq.Multiply(Flat(p.Row), Linq.Constant(p.RowWidth)), column);
        }

        private Linq Flat(FlatIndex f)
        {
            Linq sum = Linq.Constant(f.Offset);
            for (var k = 0; k < f.Subscripts.Count; k++) sum = Linq.Add(sum, Linq.Multiply(Linq.Constant(f.Strides[k]), Affine(f.Subscripts[k])));
            return sum;
        }

        private Linq Affine(Affine a)
        {
            Linq sum = Linq.Constant(a.Constant);
            foreach (var term in a.Terms) sum = Linq.Add(sum, Linq.Multiply(Linq.Constant(term.Value), Index(term.Key)));
            return sum;
        }

        private Linq Operand(Operand operand) => operand switch
        {
            Intermediate t => Local(t),
            TableEntry entry => Linq.ArrayIndex(_tables[entry.Table], Index(entry.Index)),
            Formula f => Build(f.Expression, f.Held, root: true),
            SplitProduct p => Linq.Multiply(Operand(p.Outer), Operand(p.Inner)),
            _ => throw new NotSupportedException($"Unknown operand {operand.GetType().Name}."),
        };

        /// <summary><paramref name="e"/>, reading each held subexpression (or the positive power or negation held in its place).</summary>
        private Linq Build(Symbolics.Expr e, IReadOnlyDictionary<Symbolics.Expr, Reference> held, bool root)
        {
            if (!root)
            {
                if (held.TryGetValue(e, out var r)) return Operand(r);
                if (e is Power { ConstantExponent: < 0 } reciprocal && held.TryGetValue(Symbolics.Expr.Pow(reciprocal.Base, -reciprocal.ConstantExponent!.Value), out r))
                    return Linq.Divide(Linq.Constant(1.0), Operand(r));
                if (e is Product { Coefficient: < 0 } && held.TryGetValue(-e, out r)) return Linq.Negate(Operand(r));
            }

            Linq Sub(Symbolics.Expr child) => Build(child, held, root: false);
            switch (e)
            {
                case Constant c:
                    return Linq.Constant(c.Value);
                case Variable x:
                    return leaves.TryGetValue(x.Name, out var leaf) ? leaf : throw new InvalidOperationException($"No value for '{x.Name}'.");
                case Sum s:
                    return s.Terms.Select(Sub).Aggregate(s.Offset == 0 ? null : (Linq)Linq.Constant(s.Offset), (acc, t) => acc == null ? t : Linq.Add(acc, t))!;
                case Product p:
                    return p.Factors.Select(Sub).Aggregate(p.Coefficient == 1 ? null : (Linq)Linq.Constant(p.Coefficient), (acc, f) => acc == null ? f : Linq.Multiply(acc, f))!;
                case Power w when w.ConstantExponent == 2.0:
                    var b = Sub(w.Base);
                    return b is ParameterExpression or IndexExpression or BinaryExpression { NodeType: ExpressionType.ArrayIndex } ? Linq.Multiply(b, b) : Linq.Call(Pow, b, Linq.Constant(2.0));
                case Power w when w.ConstantExponent == -1.0:
                    return Linq.Divide(Linq.Constant(1.0), Sub(w.Base));
                case Power w:
                    return Linq.Call(Pow, Sub(w.Base), Sub(w.Exponent));
                case FunctionCall f:
                    return Linq.Call(Linq.Constant(FunctionCatalogue.Of(f.Function)), Evaluate, Sub(f.Argument));
                case Delta d:
                    return Linq.Condition(Linq.Equal(Affine(d.Difference), Linq.Constant(0)), Linq.Constant(1.0), Linq.Constant(0.0));
                case Reduction:
                    throw new InvalidOperationException("A sum or product over an index must be accumulated by a loop before it is read.");
                default:
                    throw new NotSupportedException($"A formula cannot contain {e.Kind} nodes.");
            }
        }
    }
}
