using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// A function a loss may call by name with a given number of arguments (<c>Math.Log(x, b)</c>,
    /// <c>Dsl.Sq(x)</c>, <c>Math.Cosh(x)</c>), and the expression it stands for. Infix formulas accept the
    /// same names in lower case.
    /// </summary>
    public sealed class FunctionSpelling
    {
        private readonly Func<IReadOnlyList<Expr>, Expr> _build;

        internal FunctionSpelling(string name, int arity, FunctionScope scope, Func<IReadOnlyList<Expr>, Expr> build)
        {
            Name = name;
            Arity = arity;
            Scope = scope;
            _build = build;
            IsSmooth = IsSmoothExpression(Build(Probe(arity)));
        }

        /// <summary>The C# method name, such as <c>Log10</c>.</summary>
        public string Name { get; }

        /// <summary>The infix name, such as <c>log10</c>.</summary>
        public string Infix => Name.ToLowerInvariant();

        public int Arity { get; }

        public FunctionScope Scope { get; }

        /// <summary>False when what it stands for uses a function that is not <see cref="FunctionInfo.IsSmooth"/> (Max and Relu use |x|).</summary>
        public bool IsSmooth { get; }

        /// <summary>The simplified expression for a call with these <paramref name="arguments"/> (<see cref="Arity"/> of them).</summary>
        public Expr Build(IReadOnlyList<Expr> arguments)
        {
            if (arguments.Count != Arity) throw new ArgumentException($"{Name} takes {Arity} argument(s), not {arguments.Count}.", nameof(arguments));
            return _build(arguments);
        }

        private static Expr[] Probe(int arity)
        {
            var probe = new Expr[arity];
            for (var i = 0; i < arity; i++) probe[i] = Expr.Var("$" + i);
            return probe;
        }

        private static bool IsSmoothExpression(Expr e)
        {
            if (e is FunctionCall f && !FunctionCatalogue.Of(f.Function).IsSmooth) return false;
            foreach (var child in e.Children)
                if (!IsSmoothExpression(child)) return false;
            return true;
        }
    }
}
