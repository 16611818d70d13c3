using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>Numerical evaluation, with the same overflow-safe forms as the runtime's Dsl helpers.</summary>
    public static class Evaluator
    {
        /// <summary>Evaluates <paramref name="e"/>, looking variables up in <paramref name="values"/>.</summary>
        /// <exception cref="KeyNotFoundException">A variable has no value.</exception>
        public static double Evaluate(Expr e, IReadOnlyDictionary<string, double> values)
        {
            switch (e)
            {
                case Constant c:
                    return c.Value;
                case Variable v:
                    if (values.TryGetValue(v.Name, out var x)) return x;
                    throw new KeyNotFoundException($"No value for variable '{v.Name}'.");
                case Sum s:
                    var sum = s.Offset;
                    foreach (var t in s.Terms) sum += Evaluate(t, values);
                    return sum;
                case Product p:
                    var product = p.Coefficient;
                    foreach (var f in p.Factors) product *= Evaluate(f, values);
                    return product;
                case Power w:
                    return Math.Pow(Evaluate(w.Base, values), Evaluate(w.Exponent, values));
                case FunctionCall f:
                    return Apply(f.Function, Evaluate(f.Argument, values));
                default:
                    throw new InvalidOperationException($"Unknown expression kind {e.Kind}.");
            }
        }

        /// <summary>f(x) for one of the engine's elementary functions.</summary>
        public static double Apply(MathFunction f, double x)
        {
            switch (f)
            {
                case MathFunction.Exp: return Math.Exp(x);
                case MathFunction.Log: return Math.Log(x);
                case MathFunction.Sin: return Math.Sin(x);
                case MathFunction.Cos: return Math.Cos(x);
                case MathFunction.Tan: return Math.Tan(x);
                case MathFunction.Tanh: return Math.Tanh(x);
                case MathFunction.Atan: return Math.Atan(x);
                case MathFunction.Sigmoid: return x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));
                case MathFunction.Softplus: return Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x)));
                case MathFunction.LogCosh:
                    var a = Math.Abs(x);
                    return a + Math.Log(1.0 + Math.Exp(-2.0 * a)) - Math.Log(2.0);
                default:
                    throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown function.");
            }
        }
    }
}
