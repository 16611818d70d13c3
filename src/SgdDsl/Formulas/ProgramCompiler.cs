using System.Linq.Expressions;
using System.Reflection;
using SgdDsl.Symbolics;
using Linq = System.Linq.Expressions.Expression;

namespace SgdDsl.Formulas;

/// <summary>
/// A compiled loop program: reads θ, the sample and the direction v (each given by its first entry, the caller's own
/// spans, checked for length before), writes its array outputs into output, returns its result (0 without one); scratch
/// holds at least <see cref="CompiledProgram.ScratchLength"/> doubles for its tables, reused from call to call.
/// </summary>
internal delegate double ProgramDelegate(ref double theta, ref double sample, ref double v, ref double output, double[] scratch);

/// <summary>A compiled program and the number of scratch doubles its tables need.</summary>
internal sealed record CompiledProgram(ProgramDelegate Run, int ScratchLength);

/// <summary>
/// Compiles a <see cref="LoopProgram"/> to a delegate with System.Linq.Expressions: the same program the
/// generator prints as C#, built at run time. Scalar leaves and array entries are read from the caller's spans (θ, the
/// sample, the direction v, through <see cref="SpanAccess"/>, since expression trees take no spans) at their row-major
/// positions, intermediates become block locals, loops become loops, tables are slices of one scratch array the caller
/// keeps (nothing is allocated or copied per call), and every array target writes into the caller's output span.
/// </summary>
internal static class ProgramCompiler
{
    private static readonly MethodInfo Pow = typeof(Math).GetMethod(nameof(Math.Pow))!;

    /// <summary>
    /// A delegate running <paramref name="program"/> over θ laid out as <paramref name="parameters"/> and a sample laid
    /// out as <paramref name="data"/>; v may be empty when nothing reads it.
    /// </summary>
    public static CompiledProgram Compile(LoopProgram program, IReadOnlyList<ParameterBlock> parameters, IReadOnlyList<ParameterBlock> data)
    {
        var entry = typeof(double).MakeByRefType();
        var theta = Linq.Parameter(entry, "theta");
        var sample = Linq.Parameter(entry, "sample");
        var v = Linq.Parameter(entry, "v");
        var output = Linq.Parameter(entry, "output");
        var scratch = Linq.Parameter(typeof(double[]), "scratch");

        var leaves = new Dictionary<string, (ParameterExpression Array, ParameterBlock Block)>();
        foreach (var block in parameters)
        {
            leaves[block.Name] = (theta, block);
            leaves[DerivativeSet.DirectionPrefix + block.Name] = (v, block);
        }

        foreach (var block in data) leaves[block.Name] = (sample, block);

        var builder = new Builder(leaves, output, scratch);
        var body = builder.Statements(program.Statements);
        body.Add(Linq.Label(builder.Return, Linq.Constant(0.0)));
        var code = Linq.Block(builder.Locals, body);
        var run = Linq.Lambda<ProgramDelegate>(code, theta, sample, v, output, scratch).Compile();
        return new CompiledProgram(run, builder.ScratchLength);
    }

    private sealed class Builder(Dictionary<string, (ParameterExpression Array, ParameterBlock Block)> leaves, ParameterExpression output, ParameterExpression scratch)
    {
        private readonly Dictionary<Table, int> _tableOffsets = [];
        private readonly Dictionary<Intermediate, ParameterExpression> _intermediates = [];
        private readonly Dictionary<IndexSymbol, ParameterExpression> _indices = [];

        public LabelTarget Return { get; } = Linq.Label(typeof(double), "result");

        public List<ParameterExpression> Locals { get; } = [];

        /// <summary>The doubles of scratch the tables occupy, each table in its own slice.</summary>
        public int ScratchLength { get; private set; }

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
                    yield return Linq.Assign(Linq.ArrayAccess(scratch, Entry(store.Table, store.Index)), Operand(store.Value));
                    break;
                case TableAccumulate add:
                    // One row's share of a table of sums filled row by row (the generator's row-wise adjoints).
                    var entry = Linq.ArrayAccess(scratch, Entry(add.Table, add.Index));
                    yield return add.Kind == AccumulatorKind.Sum ? Linq.AddAssign(entry, Operand(add.Term)) : Linq.MultiplyAssign(entry, Operand(add.Term));
                    break;
                case Store { Family.Target.IsResult: true } store:
                    yield return Linq.Return(Return, Operand(store.Value));
                    break;
                case Store store:
                    var value = Linq.Variable(typeof(double), "stored");
                    Locals.Add(value);
                    yield return Linq.Assign(value, Operand(store.Value));
                    foreach (var position in store.Family.Target.Positions)
                        yield return Linq.Call(SpanAccess.WriteMethod, output, Position(position), value);
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
            if (RowKernels.Plan(loop) is { } plan)
            {
                if (plan.Rest != null)
                    foreach (var e in Loop(plan.Rest)) yield return e;
                foreach (var kernel in plan.Kernels) yield return Kernel(kernel, loop.Index.Range);
                yield break;
            }

            // A table is filled before it is read, so its slice needs no clearing.
            foreach (var table in loop.Tables)
            {
                _tableOffsets[table] = ScratchLength;
                ScratchLength += table.Length;
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

        /// <summary>A row kernel as one call of <see cref="RowKernelCalls"/>, the same work the generated code does with spans.</summary>
        private Linq Kernel(RowKernel kernel, int n)
        {
            var length = Linq.Constant(n);
            switch (kernel)
            {
                case RowDot dot:
                    var rows = dot.Factors.SelectMany(Row).Append(length).ToArray();
                    var method = typeof(RowKernelCalls).GetMethod(dot.Factors.Count == 2 ? nameof(RowKernelCalls.Dot2) : nameof(RowKernelCalls.Dot3))!;
                    return Linq.Assign(Local(dot.Target.Target), Linq.Call(method, rows));
                case RowScale scale:
                    var call = typeof(RowKernelCalls).GetMethod(scale.Adds ? nameof(RowKernelCalls.AddScaled) : nameof(RowKernelCalls.Scale))!;
                    return Linq.Call(call, [Operand(scale.Scale), .. Row(scale.Source), .. Row(scale.Destination), length]);
                case RowCombination c:
                    var pair = typeof(RowKernelCalls).GetMethod(c.Adds ? nameof(RowKernelCalls.AddScaled2) : nameof(RowKernelCalls.Combine))!;
                    return Linq.Call(pair, [Operand(c.First.Scale), .. Row(c.First.Source), Operand(c.Second.Scale), .. Row(c.Second.Source), .. Row(c.Destination), length]);
                // Expression trees take no spans or out values; fused kernels run as their members, one pass each.
                case RowDots dots:
                    return Linq.Block(dots.Members.Select(m => Kernel(m, n)));
                case RowUpdates updates:
                    return Linq.Block(updates.Members.Select(m => Kernel(m, n)));
                default:
                    throw new NotSupportedException($"Unknown row kernel {kernel.GetType().Name}.");
            }
        }

        /// <summary>The array holding a row and the position where it starts.</summary>
        private Linq[] Row(RowOperand row) => row switch
        {
            TableRow t => [Linq.ArrayAccess(scratch, Linq.Constant(0)), Linq.Constant(_tableOffsets[t.Table])],
            ArrayRow a when leaves.TryGetValue(a.Start.Array, out var leaf) => [leaf.Array, Position(a.Start, leaf.Block)],
            OutputRow o => [output, Position(o.Start)],
            _ => throw new InvalidOperationException($"No array for the row {row.GetType().Name}."),
        };

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

        private Linq Entry(Table table, IndexSymbol index) => Linq.Add(Linq.Constant(_tableOffsets[table]), Index(index));

        /// <summary>The position of an array entry in θ, the sample or v: the block's offset plus its row-major position.</summary>
        private Linq Position(Element e, ParameterBlock block)
        {
            var flat = Symbolics.Affine.Of(block.Offset);
            for (var k = 0; k < e.Subscripts.Count; k++) flat += block.Stride(k) * e.Subscripts[k];
            return Affine(flat);
        }

        private Linq Affine(Affine a)
        {
            Linq? sum = a.Constant == 0 ? null : Linq.Constant(a.Constant);
            foreach (var term in a.Terms)
            {
                var index = Index(term.Key);
                Linq scaled = term.Value == 1 ? index : Linq.Multiply(Linq.Constant(term.Value), index);
                sum = sum == null ? scaled : Linq.Add(sum, scaled);
            }

            return sum ?? Linq.Constant(0);
        }

        private Linq Operand(Operand operand) => operand switch
        {
            Intermediate t => Local(t),
            TableEntry entry => Linq.ArrayIndex(scratch, Entry(entry.Table, entry.Index)),
            Formula f => Build(f.Expression, f.Held, root: true),
            SplitProduct p => Linq.Multiply(Operand(p.Outer), Operand(p.Inner)),
            // A suffix table is filled from its last position down and read in the natural order.
            ReversedTableEntry entry => Linq.ArrayIndex(scratch, Linq.Add(Linq.Constant(_tableOffsets[entry.Table] + entry.Table.Length - 1), Linq.Negate(Index(entry.Index)))),
            ExceptAt skip => Linq.Condition(
                skip.Excluded.Select(e => (Linq)Linq.Equal(Index(skip.Index), Affine(e))).Aggregate(Linq.OrElse),
                Linq.Constant(1.0), Operand(skip.Value)),
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
                    return leaves.TryGetValue(x.Name, out var leaf) && leaf.Block.IsScalar
                        ? Linq.Call(SpanAccess.ReadMethod, leaf.Array, Linq.Constant(leaf.Block.Offset))
                        : throw new InvalidOperationException($"No value for '{x.Name}'.");
                case Element el:
                    return leaves.TryGetValue(el.Array, out var array) && array.Block.Shape.Count == el.Subscripts.Count
                        ? Linq.Call(SpanAccess.ReadMethod, array.Array, Position(el, array.Block))
                        : throw new InvalidOperationException($"No array '{el.Array}' of {el.Subscripts.Count} dimension(s).");
                case Sum s:
                    return s.Terms.Select(Sub).Aggregate(s.Offset == 0 ? null : (Linq)Linq.Constant(s.Offset), (acc, t) => acc == null ? t : Linq.Add(acc, t))!;
                case Product p:
                    return p.Factors.Select(Sub).Aggregate(p.Coefficient == 1 ? null : (Linq)Linq.Constant(p.Coefficient), (acc, f) => acc == null ? f : Linq.Multiply(acc, f))!;
                case Power w when w.ConstantExponent == 2.0:
                    var b = Sub(w.Base);
                    return b is ParameterExpression or IndexExpression or BinaryExpression { NodeType: ExpressionType.ArrayIndex } || b is MethodCallExpression { Method: var m } && m == SpanAccess.ReadMethod
                        ? Linq.Multiply(b, b)
                        : Linq.Call(Pow, b, Linq.Constant(2.0));
                case Power w when w.ConstantExponent == -1.0:
                    return Linq.Divide(Linq.Constant(1.0), Sub(w.Base));
                case Power w:
                    return Linq.Call(Pow, Sub(w.Base), Sub(w.Exponent));
                case FunctionCall f:
                    // The engine's own definition, called directly where it is a static method (Math.Tanh, …).
                    var definition = FunctionCatalogue.Of(f.Function).Definition;
                    return definition.Target == null ? Linq.Call(definition.Method, Sub(f.Argument)) : Linq.Invoke(Linq.Constant(definition), Sub(f.Argument));
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
