using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Finds the numbers constant folding made ±∞ or NaN in a node a parser just built (the infix parser, the generator's
    /// translator): both check every node as they build it, so its operands are known finite and only what is new is looked at.
    /// </summary>
    internal static class FoldedConstants
    {
        /// <summary>
        /// A number of <paramref name="e"/> itself (value, coefficient, offset) that is not finite, or the value of a constant
        /// part folding left unfolded because it is not (1/0 stays 0^−1, log(0) stays a call): or null.
        /// </summary>
        public static double? NonFinite(Expr e)
        {
            var value = e switch
            {
                Constant c => c.Value,
                Product p => p.Coefficient,
                Sum s => s.Offset,
                Power { Base: Constant b, Exponent: Constant x } => Math.Pow(b.Value, x.Value),
                FunctionCall { Argument: Constant x } f => Evaluator.Apply(f.Function, x.Value),
                _ => 0.0,
            };
            return FunctionCall.IsFinite(value) ? (double?)null : value;
        }

        /// <summary>
        /// The first number that is not finite in <paramref name="e"/> above <paramref name="operands"/>: a function call's
        /// expression may be several new nodes (log(x, b) = log x · (log b)^−1).
        /// </summary>
        public static (Expr Node, double Value)? NonFiniteAbove(Expr e, IReadOnlyList<Expr> operands)
        {
            var pending = new Stack<Expr>();
            pending.Push(e);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (IsOneOf(node, operands)) continue;
                var bad = NonFinite(node);
                if (bad != null) return (node, bad.Value);
                foreach (var child in node.Children) pending.Push(child);
            }

            return null;
        }

        /// <summary>Whether <paramref name="e"/> is a number or an operation on numbers alone (1/0, log(0)), rather than containing one.</summary>
        public static bool IsConstantPart(Expr e)
        {
            foreach (var child in e.Children)
                if (!(child is Constant)) return false;
            return true;
        }

        /// <summary>How a message shows a value that is not finite.</summary>
        public static string Show(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";

        private static bool IsOneOf(Expr node, IReadOnlyList<Expr> operands)
        {
            foreach (var operand in operands)
                if (ReferenceEquals(node, operand)) return true;
            return false;
        }
    }
}
