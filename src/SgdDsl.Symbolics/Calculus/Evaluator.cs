using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>Numerical evaluation, with the same overflow-safe forms as the runtime's Dsl helpers.</summary>
    public static class Evaluator
    {
        /// <summary>Evaluates an expression without arrays, looking variables up in <paramref name="values"/>.</summary>
        /// <exception cref="KeyNotFoundException">A variable has no value.</exception>
        public static double Evaluate(Expr e, IReadOnlyDictionary<string, double> values) =>
            Evaluate(e, name => values.TryGetValue(name, out var x) ? x : throw new KeyNotFoundException($"No value for variable '{name}'."),
                (array, _) => throw new KeyNotFoundException($"No values for array '{array}'."));

        /// <summary>
        /// Evaluates <paramref name="e"/> with scalar variables from <paramref name="variable"/>, array
        /// entries from <paramref name="element"/> (array name, integer subscripts), and the values of any
        /// free indices from <paramref name="indices"/>.
        /// </summary>
        public static double Evaluate(Expr e, Func<string, double> variable, Func<string, int[], double> element,
            IReadOnlyDictionary<IndexSymbol, int>? indices = null)
        {
            var env = new Dictionary<IndexSymbol, int>();
            if (indices != null)
                foreach (var pair in indices) env[pair.Key] = pair.Value;
            return new Run(variable, element, env).Eval(e);
        }

        private sealed class Run
        {
            private readonly Func<string, double> _variable;
            private readonly Func<string, int[], double> _element;
            private readonly Dictionary<IndexSymbol, int> _env;

            public Run(Func<string, double> variable, Func<string, int[], double> element, Dictionary<IndexSymbol, int> env)
            {
                _variable = variable;
                _element = element;
                _env = env;
            }

            public double Eval(Expr e)
            {
                switch (e)
                {
                    case Constant c:
                        return c.Value;
                    case Variable v:
                        return _variable(v.Name);
                    case Element el:
                        var subscripts = new int[el.Subscripts.Count];
                        for (var i = 0; i < subscripts.Length; i++) subscripts[i] = el.Subscripts[i].Evaluate(Index);
                        return _element(el.Array, subscripts);
                    case Delta d:
                        return d.Difference.Evaluate(Index) == 0 ? 1.0 : 0.0;
                    case Sum s:
                        var sum = s.Offset;
                        foreach (var t in s.Terms) sum += Eval(t);
                        return sum;
                    case Product p:
                        var product = p.Coefficient;
                        foreach (var f in p.Factors) product *= Eval(f);
                        return product;
                    case Power w:
                        return Math.Pow(Eval(w.Base), Eval(w.Exponent));
                    case FunctionCall f:
                        return Apply(f.Function, Eval(f.Argument));
                    case Reduction r:
                        var isSum = r is IndexedSum;
                        var acc = isSum ? 0.0 : 1.0;
                        for (var k = 0; k < r.Bound.Range; k++)
                        {
                            _env[r.Bound] = k;
                            var x = Eval(r.Body);
                            acc = isSum ? acc + x : acc * x;
                        }

                        _env.Remove(r.Bound);
                        return acc;
                    default:
                        throw new InvalidOperationException($"Unknown expression kind {e.Kind}.");
                }
            }

            private int Index(IndexSymbol i) =>
                _env.TryGetValue(i, out var value) ? value : throw new KeyNotFoundException($"No value for index '{i.Name}'.");
        }

        /// <summary>f(x) for one of the engine's elementary functions (see <see cref="FunctionCatalogue"/>).</summary>
        public static double Apply(MathFunction f, double x) => FunctionCatalogue.Of(f).Evaluate(x);
    }
}
