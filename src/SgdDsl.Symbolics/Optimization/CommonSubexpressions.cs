using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>One named intermediate of a straight-line program: <c>var Name = Definition;</c>.</summary>
    public sealed class Temporary
    {
        internal Temporary(string name, Expr definition)
        {
            Name = name;
            Definition = definition;
        }

        public string Name { get; }

        public Expr Definition { get; }
    }

    /// <summary>
    /// Common-subexpression elimination over a set of outputs. Structural equality of canonical
    /// expressions means equal subtrees are the same key, so every compound subexpression used more
    /// than once (across all outputs) gets one temporary, defined before its first use. Bases of
    /// squares and cubes are named too, so they print as <c>t * t</c> rather than recomputing.
    /// </summary>
    public sealed class CommonSubexpressions
    {
        private readonly Dictionary<Expr, int> _uses = new Dictionary<Expr, int>();
        private readonly HashSet<Expr> _mustName = new HashSet<Expr>();
        private readonly Dictionary<Expr, string> _names = new Dictionary<Expr, string>();
        private readonly List<Temporary> _temporaries = new List<Temporary>();
        private readonly string _prefix;

        private CommonSubexpressions(string prefix) => _prefix = prefix;

        /// <summary>The temporaries, in an order where each is defined before it is used.</summary>
        public IReadOnlyList<Temporary> Temporaries => _temporaries;

        /// <summary>The name of each eliminated subexpression, for a printer to write in its place.</summary>
        public IReadOnlyDictionary<Expr, string> Names => _names;

        /// <summary>Plans the temporaries of <paramref name="outputs"/>, named <paramref name="prefix"/>0, 1, ….</summary>
        public static CommonSubexpressions Eliminate(IEnumerable<Expr> outputs, string prefix = "t")
        {
            var cse = new CommonSubexpressions(prefix);
            var roots = new List<Expr>(outputs);
            foreach (var root in roots) cse.Count(root);
            var done = new HashSet<Expr>();
            foreach (var root in roots) cse.Assign(root, done);
            return cse;
        }

        private void Count(Expr e)
        {
            e = AsPrinted(e);
            _uses.TryGetValue(e, out var n);
            _uses[e] = n + 1;
            if (n > 0) return;
            if (e is Power { ConstantExponent: 2.0 or 3.0 } p && IsCompound(p.Base)) _mustName.Add(p.Base);
            foreach (var child in PrintedChildren(e)) Count(child);
        }

        private void Assign(Expr e, HashSet<Expr> done)
        {
            e = AsPrinted(e);
            if (!done.Add(e)) return;
            foreach (var child in PrintedChildren(e)) Assign(child, done);
            if (IsCompound(e) && (_uses[e] > 1 || _mustName.Contains(e)))
            {
                var name = _prefix + _temporaries.Count;
                _temporaries.Add(new Temporary(name, e));
                _names.Add(e, name);
            }
        }

        /// <summary>
        /// Printers write b^(−e) as a quotient by b^e, so b^e is what gets computed and what is worth
        /// sharing; the reciprocal itself never appears in the code.
        /// </summary>
        internal static Expr AsPrinted(Expr e) =>
            e is Power { ConstantExponent: < 0 } p ? Expr.Pow(p.Base, Expr.Const(-p.ConstantExponent!.Value)) : e;

        /// <summary>
        /// The children as printers write them: a sum writes a later negative term −m as " - m", so m,
        /// not −m, is what gets computed and what is worth sharing.
        /// </summary>
        internal static IReadOnlyList<Expr> PrintedChildren(Expr e)
        {
            if (!(e is Sum s)) return e.Children;
            var terms = new Expr[s.Terms.Count];
            for (var i = 0; i < terms.Length; i++) terms[i] = ExprPrinter.IsWrittenNegated(s, i) ? -s.Terms[i] : s.Terms[i];
            return terms;
        }

        internal static bool IsCompound(Expr e) => !(e is Constant || e is Variable || e is Element || e is Delta);
    }
}
