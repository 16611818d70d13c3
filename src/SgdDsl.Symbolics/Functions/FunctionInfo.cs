using System;

namespace SgdDsl.Symbolics
{
    /// <summary>Where a loss may call a function by name.</summary>
    [Flags]
    public enum FunctionScope
    {
        None = 0,

        /// <summary><c>System.Math.Name</c> and its <c>double.Name</c> twin.</summary>
        Math = 1,

        /// <summary><c>SgdDsl.Dsl.Name</c>.</summary>
        Dsl = 2,

        Both = Math | Dsl,
    }

    /// <summary>
    /// Everything the engine and its consumers know of one elementary function: its names in each
    /// mathematical notation (infix, LaTeX), its value and derivative, where it is defined, whether it is smooth, and the facts
    /// about its range that sign analysis uses. One instance per <see cref="MathFunction"/>, in
    /// <see cref="FunctionCatalogue"/>.
    /// </summary>
    public sealed class FunctionInfo
    {
        private readonly Func<double, double> _evaluate;
        private readonly Func<Expr, Expr, Expr> _derivative;

        internal FunctionInfo(MathFunction function, FunctionScope scope, string latex,
            Func<double, double> evaluate, Func<Expr, Expr, Expr> derivative,
            double rangeLow, bool nonDecreasing, bool smooth = true,
            double domainLow = double.NegativeInfinity, double domainHigh = double.PositiveInfinity, bool latexBraces = false)
        {
            Function = function;
            Scope = scope;
            Latex = latex;
            LatexBraces = latexBraces;
            _evaluate = evaluate;
            _derivative = derivative;
            RangeLow = rangeLow;
            IsNonDecreasing = nonDecreasing;
            IsSmooth = smooth;
            DomainLow = domainLow;
            DomainHigh = domainHigh;
        }

        public MathFunction Function { get; }

        /// <summary>Where a loss may call this function by its own name (<see cref="Function"/>'s name).</summary>
        public FunctionScope Scope { get; }

        /// <summary>The name in infix text: the function's name in lower case, such as <c>logcosh</c>.</summary>
        public string Infix => Function.ToString().ToLowerInvariant();

        /// <summary>The LaTeX written before the argument, such as <c>\cosh</c> or <c>\sqrt[3]</c>.</summary>
        public string Latex { get; }

        /// <summary>True when the LaTeX argument is a brace group (<c>\sqrt[3]{x}</c>) rather than parenthesized.</summary>
        public bool LatexBraces { get; }

        /// <summary>
        /// Twice continuously differentiable on the interior of its domain. False for |x| and sign x
        /// (a kink and a jump at 0) and ∛x (infinite slope at 0): a loss using them gets warning SGD0014.
        /// </summary>
        public bool IsSmooth { get; }

        /// <summary>The ends of the closed interval outside which the function is not real (NaN); it may be ±∞ at an end.</summary>
        public double DomainLow { get; }

        public double DomainHigh { get; }

        /// <summary>The infimum of the function over its domain (−∞ when unbounded below).</summary>
        public double RangeLow { get; }

        /// <summary>True when x ≤ y implies f(x) ≤ f(y) on the domain, so a lower bound of x gives one of f(x).</summary>
        public bool IsNonDecreasing { get; }

        /// <summary>f(x), with the overflow-safe forms of the runtime's Dsl helpers.</summary>
        public double Evaluate(double x) => _evaluate(x);

        /// <summary>What <see cref="Evaluate"/> calls (a static method where there is one), for compilers that call it directly.</summary>
        public Func<double, double> Definition => _evaluate;

        /// <summary>f′(x) as an expression, given x and f(x) itself (which some derivatives reuse, such as exp and tanh).</summary>
        public Expr Derivative(Expr x, Expr fx) => _derivative(x, fx);

        /// <summary>
        /// A lower bound of f(x) for every x ≥ <paramref name="argumentLow"/> in the domain: f(argumentLow)
        /// for a non-decreasing function, otherwise the bound of its whole range. Computed in doubles.
        /// </summary>
        public double LowerBound(double argumentLow)
        {
            if (!IsNonDecreasing || double.IsNegativeInfinity(argumentLow) || double.IsNaN(argumentLow)) return RangeLow;
            var value = Evaluate(Math.Max(argumentLow, DomainLow));
            return double.IsNaN(value) ? RangeLow : Math.Max(value, RangeLow);
        }
    }
}
