using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>Exact symbolic differentiation; results are in canonical simplified form.</summary>
    public sealed class Differentiator
    {
        private readonly string _variable;
        private readonly Dictionary<Expr, Expr> _memo = new Dictionary<Expr, Expr>();

        private Differentiator(string variable) => _variable = variable;

        /// <summary>∂e/∂variable.</summary>
        public static Expr Differentiate(Expr e, string variable) => new Differentiator(variable).D(e);

        /// <summary>The gradient (∂e/∂v for each v in order).</summary>
        public static Expr[] Gradient(Expr e, IReadOnlyList<string> variables)
        {
            var g = new Expr[variables.Count];
            for (var i = 0; i < g.Length; i++) g[i] = Differentiate(e, variables[i]);
            return g;
        }

        private Expr D(Expr e)
        {
            if (_memo.TryGetValue(e, out var known)) return known;
            var d = Rule(e);
            _memo[e] = d;
            return d;
        }

        private Expr Rule(Expr e)
        {
            switch (e)
            {
                case Constant _:
                    return Expr.Zero;
                case Variable v:
                    return v.Name == _variable ? Expr.One : Expr.Zero;
                case Sum s:
                    return Expr.Add(Map(s.Terms));
                case Product p:
                    return ProductRule(p);
                case Power w:
                    return PowerRule(w);
                case FunctionCall f:
                    return Expr.Multiply(Outer(f.Function, f.Argument, e), D(f.Argument));
                default:
                    throw new InvalidOperationException($"Unknown expression kind {e.Kind}.");
            }
        }

        private Expr[] Map(IReadOnlyList<Expr> items)
        {
            var result = new Expr[items.Count];
            for (var i = 0; i < result.Length; i++) result[i] = D(items[i]);
            return result;
        }

        private Expr ProductRule(Product p)
        {
            var terms = new List<Expr>();
            for (var k = 0; k < p.Factors.Count; k++)
            {
                var dk = D(p.Factors[k]);
                if (dk.IsConstant(0.0)) continue;
                var factors = new Expr[p.Factors.Count + 1];
                factors[0] = Expr.Const(p.Coefficient);
                for (var j = 0; j < p.Factors.Count; j++) factors[j + 1] = j == k ? dk : p.Factors[j];
                terms.Add(Expr.Multiply(factors));
            }

            return Expr.Add(terms.ToArray());
        }

        private Expr PowerRule(Power w)
        {
            var dBase = D(w.Base);
            var dExponent = D(w.Exponent);
            if (dExponent.IsConstant(0.0))
                return Expr.Multiply(w.Exponent, Expr.Pow(w.Base, w.Exponent - Expr.One), dBase);
            // d(b^e) = b^e·(e'·log b + e·b'/b)
            return Expr.Multiply(w, Expr.Apply(MathFunction.Log, w.Base) * dExponent + w.Exponent * dBase / w.Base);
        }

        /// <summary>f'(x), given f(x) itself as <paramref name="fx"/> for the functions whose derivative reuses it.</summary>
        private static Expr Outer(MathFunction f, Expr x, Expr fx)
        {
            switch (f)
            {
                case MathFunction.Exp: return fx;
                case MathFunction.Log: return Expr.Pow(x, Expr.MinusOne);
                case MathFunction.Sin: return Expr.Apply(MathFunction.Cos, x);
                case MathFunction.Cos: return -Expr.Apply(MathFunction.Sin, x);
                case MathFunction.Tan: return Expr.One + Expr.Pow(fx, 2.0);
                case MathFunction.Tanh: return Expr.One - Expr.Pow(fx, 2.0);
                case MathFunction.Atan: return Expr.Pow(Expr.One + Expr.Pow(x, 2.0), Expr.MinusOne);
                case MathFunction.Sigmoid: return fx * (Expr.One - fx);
                case MathFunction.Softplus: return Expr.Apply(MathFunction.Sigmoid, x);
                case MathFunction.LogCosh: return Expr.Apply(MathFunction.Tanh, x);
                default: throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown function.");
            }
        }
    }
}
