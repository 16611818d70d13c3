using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// ℓ = φ(f − y) with φ(0) = φ'(0) = 0 &lt; φ''(0) and a target variable y that f does not use: at a zero-loss point
    /// the Hessian is exactly φ''(0)·∇f ∇fᵀ (the term φ'(0)·∇²f vanishes). Covers c·(f − y)² (φ'' = 2c),
    /// log cosh(f − y) (φ'' = 1), the pseudo-Huber √(δ² + (f − y)²) − δ (φ'' = 1/δ) and every other such φ, found by
    /// writing the loss in a single residual variable t and differentiating it twice at t = 0.
    /// </summary>
    public sealed class ResidualLoss
    {
        private const string Residual = "$t";

        private ResidualLoss(Expr output, double curvature, string target)
        {
            Output = output;
            Curvature = curvature;
            Target = target;
        }

        /// <summary>f.</summary>
        public Expr Output { get; }

        /// <summary>φ''(0) &gt; 0: the per-sample Hessian at a zero-loss point is this times ∇f ∇fᵀ.</summary>
        public double Curvature { get; }

        /// <summary>The name of the target variable y.</summary>
        public string Target { get; }

        /// <summary>The form of <paramref name="loss"/> with y among <paramref name="targets"/>, or null if it has none.</summary>
        public static ResidualLoss? Match(Expr loss, IEnumerable<string> targets)
        {
            foreach (var target in targets)
            {
                var y = Expr.Var(target);
                foreach (var sum in Sums(loss))
                {
                    if (!(SquaredResidualPattern.Sign(sum, y) is { } kappa)) continue;
                    // sum = κ(y − f), so f − y = −κ·sum: replace sum by −κt and its negation by κt.
                    var output = y - kappa * sum;
                    if (SquaredResidualPattern.Uses(output, target)) continue;
                    var t = Expr.Var(Residual);
                    var phi = Replace(loss, new Dictionary<Expr, Expr> { [sum] = -kappa * t, [Expr.MinusOne * sum] = kappa * t });
                    if (!OnlyUses(phi, Residual)) continue;
                    var first = Differentiator.Differentiate(phi, Residual);
                    var second = Differentiator.Differentiate(first, Residual);
                    double At(Expr e) => Evaluator.Evaluate(e, new Dictionary<string, double> { [Residual] = 0.0 });
                    var curvature = At(second);
                    // Exact zeros: φ and φ' at 0 are constant folds of the same expression, not measurements.
                    if (At(phi) == 0.0 && At(first) == 0.0 && curvature > 0 && !double.IsInfinity(curvature))
                        return new ResidualLoss(output, curvature, target);
                }
            }

            return null;
        }

        private static IEnumerable<Sum> Sums(Expr e)
        {
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>();
            stack.Push(e);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (!seen.Add(x)) continue;
                if (x is Sum s) yield return s;
                foreach (var child in x.Children) stack.Push(child);
            }
        }

        /// <summary>Rebuilds <paramref name="e"/> with each key replaced by its value (scalar expressions only).</summary>
        private static Expr Replace(Expr e, IReadOnlyDictionary<Expr, Expr> map)
        {
            if (map.TryGetValue(e, out var with)) return with;
            switch (e)
            {
                case Sum s: return Expr.Add(s.Children.Select(c => Replace(c, map)).ToArray());
                case Product p: return Expr.Multiply(p.Children.Select(c => Replace(c, map)).ToArray());
                case Power w: return Expr.Pow(Replace(w.Base, map), Replace(w.Exponent, map));
                case FunctionCall f: return Expr.Apply(f.Function, Replace(f.Argument, map));
                default: return e;
            }
        }

        private static bool OnlyUses(Expr e, string variable) => e switch
        {
            Variable v => v.Name == variable,
            Constant _ => true,
            Sum _ or Product _ or Power _ or FunctionCall _ => e.Children.All(c => OnlyUses(c, variable)),
            _ => false,
        };
    }
}
