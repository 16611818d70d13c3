using System;
using System.Collections.Generic;
using System.Linq;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Emission
{
    /// <summary>
    /// Prints a <see cref="LoopProgram"/> as the statements of a C# method body: lets as locals, loops as
    /// <c>for</c> statements with their accumulators and tables declared before them, stores into the
    /// output spans or a <c>return</c>. Short tables live on the stack; long ones (a wide layer) are
    /// carved from one array rented from <c>ArrayPool&lt;double&gt;.Shared</c> per call and returned in a
    /// <c>finally</c>, so no call overflows the stack and none allocates.
    /// </summary>
    internal sealed class CSharpLoopWriter
    {
        /// <summary>Longest table kept on the stack, in doubles (8 KB).</summary>
        public const int StackTableLength = 1024;

        /// <summary>Most doubles of tables one method keeps on the stack (32 KB); tables past it are pooled too.</summary>
        public const int StackBudget = 4096;

        private const string Pool = "global::System.Buffers.ArrayPool<double>.Shared";
        private const string Support = "global::SgdDsl.GeneratedCodeSupport";

        private readonly LocalNames _names;
        private readonly List<string> _lines = new List<string>();

        /// <summary>The offset of each pooled table in the rented array.</summary>
        private readonly Dictionary<Table, int> _pooled = new Dictionary<Table, int>();

        /// <summary>The rows of the innermost loop being written; null outside one.</summary>
        private RowSlices? _rows;

        private int _rowCount;

        private CSharpLoopWriter(LocalNames names) => _names = names;

        /// <summary>Writes the statements, indented four spaces per loop level.</summary>
        public static void Write(SourceWriter w, LoopProgram program, LocalNames names)
        {
            var writer = new CSharpLoopWriter(names);
            var stack = 0;
            var pooled = 0;
            // A table filled inside another loop is declared there, once per pass: a stackalloc would grow the stack each time.
            var nested = new HashSet<Table>(NestedTables(program.Statements, inLoop: false));
            foreach (var table in program.Tables)
            {
                if (!nested.Contains(table) && table.Length <= StackTableLength && stack + table.Length <= StackBudget) stack += table.Length;
                else
                {
                    writer._pooled[table] = pooled;
                    pooled += table.Length;
                }
            }

            foreach (var statement in program.Statements) writer.Write(statement, "");
            if (pooled == 0)
            {
                foreach (var line in writer._lines) w.Line(line);
                return;
            }

            w.Line($"var {names.PooledTables} = {Pool}.Rent({pooled});");
            w.Open("try");
            foreach (var line in writer._lines) w.Line(line);
            w.Close();
            w.Open("finally");
            w.Line($"{Pool}.Return({names.PooledTables});");
            w.Close();
        }

        /// <summary>The tables of loops nested in another loop.</summary>
        private static IEnumerable<Table> NestedTables(IEnumerable<Statement> statements, bool inLoop) =>
            statements.OfType<Loop>().SelectMany(l => (inLoop ? l.Tables : Enumerable.Empty<Table>()).Concat(NestedTables(l.Body, inLoop: true)));

        private void Write(Statement statement, string indent)
        {
            switch (statement)
            {
                case Let let:
                    _lines.Add($"{indent}var {Name(let.Target)} = {Text(let.Value)};{FormulaComment(let.Value)}");
                    break;
                case Accumulate a:
                    _lines.Add($"{indent}{Name(a.Accumulator.Target)} {(a.Accumulator.Kind == AccumulatorKind.Sum ? "+=" : "*=")} {Text(a.Term)};");
                    break;
                case TableStore store:
                    _lines.Add($"{indent}{Name(store.Table)}[{_names.Of(store.Index)}] = {Text(store.Value)};");
                    break;
                case TableAccumulate a:
                    _lines.Add($"{indent}{Name(a.Table)}[{_names.Of(a.Index)}] {(a.Kind == AccumulatorKind.Sum ? "+=" : "*=")} {Text(a.Term)};");
                    break;
                case Store store:
                    _lines.Add(indent + Output(store.Family.Target, Text(store.Value)));
                    break;
                case Loop loop:
                    WriteLoop(loop, indent);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown statement {statement.GetType().Name}.");
            }
        }

        private void WriteLoop(Loop loop, string indent)
        {
            if (WriteAsRowCalls(loop, indent)) return;
            WriteScalarLoop(loop, indent);
        }

        private void WriteScalarLoop(Loop loop, string indent)
        {
            foreach (var table in loop.Tables)
                _lines.Add($"{indent}global::System.Span<double> {Name(table)} = " + (_pooled.TryGetValue(table, out var offset)
                    ? $"new global::System.Span<double>({_names.PooledTables}, {offset}, {table.Length});"
                    : $"stackalloc double[{table.Length}];"));
            foreach (var accumulator in loop.Accumulators)
                _lines.Add($"{indent}var {Name(accumulator.Target)} = {(accumulator.Kind == AccumulatorKind.Sum ? "0.0" : "1.0")};");
            // The header goes in once the body has said which rows it walks.
            var header = _lines.Count;
            var innermost = loop.Body.All(s => !(s is Loop));
            if (innermost) _rows = new RowSlices(loop.Index, _names, () => _names.RowPrefix + _rowCount++);
            if (loop.Body.Count == 1 && innermost)
                Write(loop.Body[0], indent + "    ");
            else
            {
                _lines.Add(indent + "{");
                foreach (var statement in loop.Body) Write(statement, indent + "    ");
                _lines.Add(indent + "}");
            }

            var i = _names.Of(loop.Index);
            var rows = _rows;
            _rows = null;
            var bound = rows?.Bound is { } row ? row + ".Length" : loop.Index.Range.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var lines = (rows?.Declarations ?? new List<string>()).Select(d => indent + d).ToList();
            lines.Add($"{indent}for (var {i} = 0; {i} < {bound}; {i}++)");
            _lines.InsertRange(header, lines);
        }

        /// <summary>
        /// An innermost loop of whole-row statements (<see cref="RowKernels"/>) as one call each: <c>var t = Dot(a, b);</c>,
        /// <c>Scale(c, x, row);</c>, <c>AddScaled(c, x, table);</c> of <c>GeneratedCodeSupport</c>, which work in vector
        /// lanes; even a scalar Dot compiles tighter as a call of its own than inline (TwoLayerTanh's Gradient went from
        /// 1.33× to 0.94× hand-written backpropagation with one). Statements no kernel covers stay in a loop of their own.
        /// </summary>
        private bool WriteAsRowCalls(Loop loop, string indent)
        {
            if (!(RowKernels.Plan(loop) is { } plan)) return false;
            if (plan.Rest != null) WriteScalarLoop(plan.Rest, indent);
            foreach (var kernel in plan.Kernels) _lines.Add(indent + Call(kernel, loop.Index));
            return true;
        }

        private string Call(RowKernel kernel, IndexSymbol index)
        {
            switch (kernel)
            {
                case RowDot dot:
                    return $"var {Name(dot.Target.Target)} = {Support}.Dot({string.Join(", ", dot.Factors.Select(f => Span(f, index)))});";
                case RowScale scale:
                    return $"{Support}.{(scale.Adds ? "AddScaled" : "Scale")}({Text(scale.Scale)}, {Span(scale.Source, index)}, {Span(scale.Destination, index)});";
                case RowCombination c:
                    return $"{Support}.{(c.Adds ? "AddScaled" : "Combine")}({Text(c.First.Scale)}, {Span(c.First.Source, index)}, {Text(c.Second.Scale)}, {Span(c.Second.Source, index)}, {Span(c.Destination, index)});";
                case RowDots dots:
                    return DotsCall(dots, index);
                case RowUpdates u:
                    var (x, y) = (Span(u.Sources[0], index), Span(u.Sources[u.Sources.Count - 1], index));
                    string Scale(int j, int k) => k < u.Sources.Count && u.ScaleOf(j, k) is { } scale ? Text(scale) : "0.0";
                    return $"{Support}.AddScaledBlock({Scale(0, 0)}, {Scale(0, 1)}, {Scale(1, 0)}, {Scale(1, 1)}, {x}, {y}, {Span(u.Destinations[0], index)}, {Span(u.Destinations[1], index)});";
                default:
                    throw new InvalidOperationException($"Unknown row kernel {kernel.GetType().Name}.");
            }
        }

        /// <summary>Fused dot products: <c>DotPair(a, b, x, out var t1, out var t2)</c> or <c>DotBlock(a, b, x, y, out …)</c>, <c>out _</c> for a product nobody asked for.</summary>
        private string DotsCall(RowDots dots, IndexSymbol index)
        {
            string Out(int l, int r) => dots.TargetOf(l, r) is { } target ? "out var " + Name(target.Target) : "out _";
            string Rows(IReadOnlyList<RowOperand> rows) => string.Join(", ", rows.Select(r => Span(r, index)));
            if (dots.Left.Count == 2 && dots.Right.Count == 2)
                return $"{Support}.DotBlock({Rows(dots.Left)}, {Rows(dots.Right)}, {Out(0, 0)}, {Out(0, 1)}, {Out(1, 0)}, {Out(1, 1)});";
            return dots.Left.Count == 2
                ? $"{Support}.DotPair({Rows(dots.Left)}, {Rows(dots.Right)}, {Out(0, 0)}, {Out(1, 0)});"
                : $"{Support}.DotPair({Rows(dots.Right)}, {Rows(dots.Left)}, {Out(0, 0)}, {Out(0, 1)});";
        }

        /// <summary>The span of a row: a table, a whole span (<c>x</c>) or a slice (<c>W.Slice(i1 * 16, 16)</c>).</summary>
        private string Span(RowOperand row, IndexSymbol index)
        {
            switch (row)
            {
                case TableRow t:
                    return Name(t.Table);
                case ArrayRow a:
                    var start = _names.PositionOf(a.Start);
                    return Slice(_names.SpanOf(a.Start), start, _names.SpanLengthOf(a.Start), _names.Format(start), index);
                case OutputRow o:
                    var (output, at, block) = _names.OutputEntry(o.Array, o.Start);
                    return at.Row == null
                        ? Slice(output, at.Column, block?.Size ?? 0, _names.Position(at), index)
                        : $"{output}.Slice({_names.Position(at)}, {index.Range})";
                default:
                    throw new InvalidOperationException($"Unknown row {row.GetType().Name}.");
            }
        }

        /// <summary>The span itself when the row is all of it, else the slice <c>span.Slice(start, n)</c>.</summary>
        private static string Slice(string span, FlatIndex start, int spanLength, string startText, IndexSymbol index) =>
            RowSlices.IsWhole(start, spanLength, index) ? span : $"{span}.Slice({startText}, {index.Range})";

        private string Output(OutputTarget target, string value)
        {
            if (target.IsResult) return $"return {value};";
            return string.Concat(target.Positions.Select(p => OutputEntry(target.Array!, p) + " = ")) + value + ";";
        }

        /// <summary>An output entry as written: through the loop's row slice when it walks one, else indexed (<c>dW[p * 4 + q]</c>).</summary>
        private string OutputEntry(string array, OutputPosition position)
        {
            var (span, at, block) = _names.OutputEntry(array, position);
            return _rows?.Entry(span, at, block?.Size ?? 0) ?? $"{span}[{_names.Position(at)}]";
        }

        /// <summary>Longest formula written after a temporary as a comment; a longer one would bury the line it explains.</summary>
        public const int MaxCommentLength = 100;

        /// <summary>
        /// <c> // tanh(sum(i0, 4, W[i1, i0]*x[i0]))</c>: what a temporary stands for, in the doc comments' notation, when
        /// that is at most <see cref="MaxCommentLength"/> characters; empty otherwise.
        /// </summary>
        private static string FormulaComment(Operand value)
        {
            // A formula that reads no held value is its own code (t0 = a * b * x - y): nothing to explain.
            if (!(value is Formula f) || !ReadsHeld(f.Expression, f)) return "";
            // The direction of an HVP is v_W in the code, not the engine's internal name.
            var text = LocalNames.WithDirectionNames(InfixPrinter.FormatUpTo(f.Expression, MaxCommentLength + 1));
            // A formula over the scheduler's own placeholders ($scan…) says nothing a reader could look up.
            return text.Length <= MaxCommentLength && text.IndexOf('$') < 0 ? " // " + text : "";
        }

        private static bool ReadsHeld(Expr e, Formula f) => e.Children.Any(c => f.Held.ContainsKey(c) || ReadsHeld(c, f));

        /// <summary>An array entry: on a row of the innermost loop when it walks one.</summary>
        private string Entry(Element e) => _rows?.Entry(_names.SpanOf(e), _names.PositionOf(e), _names.SpanLengthOf(e)) ?? _names.Of(e);

        // Numbered in the order the method first names them, so the numbers run 0, 1, 2, … without the gaps the
        // scheduler's ids leave (values it never produced, tables no loop reads).
        private readonly Dictionary<Intermediate, int> _temporaries = new Dictionary<Intermediate, int>();
        private readonly Dictionary<Table, int> _tables = new Dictionary<Table, int>();

        private string Name(Intermediate t) => _names.TemporaryPrefix + Number(_temporaries, t);

        // Tables are numbered per role: tanh0, tanh1, adjoint0, ….
        private string Name(Table t)
        {
            if (!_tables.TryGetValue(t, out var n))
            {
                _roleCounts.TryGetValue(t.Role, out n);
                _roleCounts[t.Role] = n + 1;
                _tables[t] = n;
            }

            return _names.TablePrefix(t.Role) + n;
        }

        private readonly Dictionary<string, int> _roleCounts = new Dictionary<string, int>();

        private static int Number<T>(Dictionary<T, int> numbers, T item)
        {
            if (!numbers.TryGetValue(item, out var n)) numbers[item] = n = numbers.Count;
            return n;
        }

        /// <summary>An expression of <paramref name="f"/> (the whole or a factor), its held subexpressions by name.</summary>
        private string Print(Expr e, Formula f) => f.Held.TryGetValue(e, out var held) ? Text(held) :
            new CSharpPrinter(_names.Of, x => f.Held.TryGetValue(x, out var r) ? Text(r) : null, Entry, _names.Of).Print(e);

        private string Text(Operand operand)
        {
            switch (operand)
            {
                case Intermediate t:
                    return Name(t);
                case TableEntry entry:
                    return $"{Name(entry.Table)}[{_names.Of(entry.Index)}]";
                case Formula f:
                    return Print(f.Expression, f);
                case ReversedTableEntry entry:
                    return $"{Name(entry.Table)}[{entry.Table.Length - 1} - {_names.Of(entry.Index)}]";
                case ExceptAt skip:
                    var at = string.Join(" || ", skip.Excluded.Select(e => $"{_names.Of(skip.Index)} == {e.Format(_names.Of)}"));
                    return $"({at} ? 1.0 : {Text(skip.Value)})";
                case SplitProduct p:
                    var inner = Text(p.Inner);
                    return $"{Text(p.Outer)} * {(p.Inner is Formula g && CommonSubexpressions.IsCompound(g.Expression) ? $"({inner})" : inner)}";
                default:
                    throw new InvalidOperationException($"Unknown operand {operand.GetType().Name}.");
            }
        }
    }
}
