using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// A family of outputs that share free indices: for every value of <see cref="Indices"/> (outermost
    /// first) the values are computed and handed to <see cref="Statement"/>, e.g. the gradient entries
    /// ∂ℓ/∂W[p0, p1] for all p0, p1.
    /// </summary>
    public sealed class OutputFamily
    {
        public OutputFamily(IReadOnlyList<IndexSymbol> indices, IReadOnlyList<Expr> values, Func<IReadOnlyList<string>, string> statement)
        {
            Indices = indices;
            Values = values;
            Statement = statement;
        }

        public IReadOnlyList<IndexSymbol> Indices { get; }

        public IReadOnlyList<Expr> Values { get; }

        /// <summary>The C# statement that stores the values, given their C# texts.</summary>
        public Func<IReadOnlyList<string>, string> Statement { get; }
    }

    /// <summary>
    /// Turns output families into C# that keeps the loops of the mathematics: one loop per free index
    /// (families with a common leading index share the loop), one accumulator loop per sum or product
    /// over an index, and every subexpression computed once, in the outermost loop where all its indices
    /// are bound (common-subexpression elimination and loop-invariant hoisting in one rule). Code size
    /// grows with the expressions, never with the array sizes.
    /// </summary>
    public sealed class LoopProgram
    {
        private readonly Func<Variable, string> _variables;
        private readonly Func<Element, string> _elements;
        private readonly Func<IndexSymbol, string> _indexNames;
        private readonly string _prefix;
        private readonly Dictionary<Expr, int> _uses = new Dictionary<Expr, int>();
        private readonly HashSet<Expr> _mustName = new HashSet<Expr>();
        private int _temporaries;
        private IReadOnlyList<Expr> _roots = new Expr[0];

        private LoopProgram(Func<Variable, string> variables, Func<Element, string> elements, Func<IndexSymbol, string> indexNames, string prefix)
        {
            _variables = variables;
            _elements = elements;
            _indexNames = indexNames;
            _prefix = prefix;
        }

        /// <summary>The statements, indented four spaces per loop level, for the given families in order.</summary>
        public static IReadOnlyList<string> Write(IReadOnlyList<OutputFamily> families, Func<Variable, string> variables,
            Func<Element, string> elements, Func<IndexSymbol, string> indexNames, string temporaryPrefix = "t")
        {
            var program = new LoopProgram(variables, elements, indexNames, temporaryPrefix);
            foreach (var family in families)
                foreach (var value in family.Values) program.Count(value);
            return program.Emit(families);
        }

        private void Count(Expr e)
        {
            e = CommonSubexpressions.AsPrinted(e);
            _uses.TryGetValue(e, out var n);
            _uses[e] = n + 1;
            if (n > 0) return;
            if (e is Power { ConstantExponent: 2.0 or 3.0 } p && CommonSubexpressions.IsCompound(p.Base)) _mustName.Add(p.Base);
            foreach (var child in CommonSubexpressions.PrintedChildren(e)) Count(child);
        }

        private IReadOnlyList<string> Emit(IReadOnlyList<OutputFamily> families)
        {
            var root = new Scope(null, null);
            var open = new List<Scope> { root };
            foreach (var family in families)
            {
                // Keep the loops this family shares with the previous one open; close the rest.
                var shared = 0;
                while (shared < family.Indices.Count && shared + 1 < open.Count && open[shared + 1].Index!.Equals(family.Indices[shared])) shared++;
                while (open.Count > shared + 1) CloseLoop(open);
                foreach (var index in family.Indices.Skip(shared)) open.Add(new Scope(open[open.Count - 1], index));

                var scope = open[open.Count - 1];
                _roots = family.Values;
                var texts = family.Values.Select(v => Text(v, scope)).ToList();
                scope.Lines.Add(family.Statement(texts));
            }

            while (open.Count > 1) CloseLoop(open);
            return root.Lines;
        }

        private void CloseLoop(List<Scope> open)
        {
            var loop = open[open.Count - 1];
            open.RemoveAt(open.Count - 1);
            AppendLoop(loop.Parent!, loop, new string[0]);
        }

        /// <summary>The C# text of <paramref name="e"/> where it is used, defining whatever it needs first.</summary>
        private string Text(Expr e, Scope use)
        {
            var name = use.NameOf(e);
            if (name != null) return name;
            if (e is Reduction r) return Accumulate(r, use);
            if (!CommonSubexpressions.IsCompound(e)) return Printer(use).Print(e);

            var home = Home(e, use);
            var named = home != use || _mustName.Contains(e) || _uses.TryGetValue(e, out var n) && n > 1;
            var at = named ? home : use;
            Prepare(e, at);
            var text = Printer(at).Print(e);
            if (!named) return text;
            name = _prefix + _temporaries++;
            at.Lines.Add($"var {name} = {text};");
            at.Names[e] = name;
            return name;
        }

        /// <summary>Defines, in or above <paramref name="at"/>, every subexpression of <paramref name="e"/> that is not printed inline.</summary>
        private void Prepare(Expr e, Scope at)
        {
            foreach (var child in CommonSubexpressions.PrintedChildren(CommonSubexpressions.AsPrinted(e)))
            {
                var c = CommonSubexpressions.AsPrinted(child);
                if (!CommonSubexpressions.IsCompound(c) || at.NameOf(c) != null) continue;
                var inline = !(c is Reduction) && Home(c, at) == at && !_mustName.Contains(c) && !(_uses.TryGetValue(c, out var n) && n > 1);
                if (inline) Prepare(c, at);
                else Text(c, at);
            }
        }

        /// <summary>
        /// Σ or Π as an accumulator loop placed where all its free indices are bound. Every other pending
        /// reduction of the current outputs over the same index that belongs in the same place shares the
        /// loop, so the subexpressions of their bodies are computed once per iteration, not once per sum.
        /// </summary>
        private string Accumulate(Reduction r, Scope use)
        {
            var home = Home(r, use);
            var fused = new List<Reduction> { r };
            fused.AddRange(PendingReductions(home).Where(c => !c.Equals(r) && c.Bound.Equals(r.Bound) && TryHome(c, use) == home));
            var loop = new Scope(home, r.Bound);
            var initial = new List<string>();
            foreach (var reduction in fused)
            {
                var name = _prefix + _temporaries++;
                var isSum = reduction is IndexedSum;
                var body = Text(reduction.Body, loop);
                loop.Lines.Add($"{name} {(isSum ? "+=" : "*=")} {body};");
                initial.Add($"var {name} = {(isSum ? "0.0" : "1.0")};");
                home.Names[reduction] = name;
            }

            AppendLoop(home, loop, initial);
            return home.NameOf(r)!;
        }

        /// <summary>The reductions in the current outputs that nothing visible from <paramref name="scope"/> holds yet.</summary>
        private IEnumerable<Reduction> PendingReductions(Scope scope)
        {
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>(_roots);
            while (stack.Count > 0)
            {
                var e = CommonSubexpressions.AsPrinted(stack.Pop());
                if (!seen.Add(e) || scope.NameOf(e) != null) continue;
                if (e is Reduction r) yield return r;
                else foreach (var child in CommonSubexpressions.PrintedChildren(e)) stack.Push(child);
            }
        }

        private void AppendLoop(Scope parent, Scope loop, IEnumerable<string> before)
        {
            parent.Lines.AddRange(before);
            var i = _indexNames(loop.Index!);
            parent.Lines.Add($"for (var {i} = 0; {i} < {loop.Index!.Range}; {i}++)");
            if (loop.Lines.Count == 1 && !loop.Lines[0].StartsWith("for", StringComparison.Ordinal))
            {
                parent.Lines.Add("    " + loop.Lines[0]);
                return;
            }

            parent.Lines.Add("{");
            foreach (var line in loop.Lines) parent.Lines.Add("    " + line);
            parent.Lines.Add("}");
        }

        /// <summary>The outermost open scope in which every free index of <paramref name="e"/> is bound.</summary>
        private static Scope Home(Expr e, Scope use) =>
            TryHome(e, use) ?? throw new InvalidOperationException($"'{e}' uses an index that no enclosing loop binds.");

        /// <summary>The outermost open scope in which every free index of <paramref name="e"/> is bound, or null.</summary>
        private static Scope? TryHome(Expr e, Scope use)
        {
            var chain = new List<Scope>();
            for (var s = use; s != null; s = s.Parent) chain.Insert(0, s);
            var bound = new HashSet<IndexSymbol>();
            foreach (var s in chain)
            {
                if (s.Index != null) bound.Add(s.Index);
                if (e.FreeIndices.All(bound.Contains)) return s;
            }

            return null;
        }

        private CSharpPrinter Printer(Scope scope) => new CSharpPrinter(_variables, scope.NameOf, _elements, _indexNames);

        private sealed class Scope
        {
            public Scope(Scope? parent, IndexSymbol? index)
            {
                Parent = parent;
                Index = index;
            }

            public Scope? Parent { get; }

            /// <summary>The index this scope's loop binds; null for the method body.</summary>
            public IndexSymbol? Index { get; }

            public List<string> Lines { get; } = new List<string>();

            public Dictionary<Expr, string> Names { get; } = new Dictionary<Expr, string>();

            /// <summary>The local holding <paramref name="e"/> here or in an enclosing scope.</summary>
            public string? NameOf(Expr e)
            {
                for (var s = this; s != null; s = s.Parent)
                    if (s.Names.TryGetValue(e, out var name)) return name;
                return null;
            }
        }
    }
}
