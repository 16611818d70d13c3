using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// The one list of the functions a loss or a formula may use. Each <see cref="MathFunction"/> is
    /// defined once here (names, value, derivative, domain, smoothness, range), and each name a loss may
    /// call is a <see cref="FunctionSpelling"/> built from them. The generator's translator and
    /// diagnostics, the infix parser, the printers, the evaluator, the differentiator, sign analysis and
    /// the run-time formula compiler all read this catalogue.
    /// </summary>
    public static class FunctionCatalogue
    {
        private const double HalfPi = System.Math.PI / 2;

        private static Expr Call(MathFunction f, Expr x) => Expr.Apply(f, x);

        /// <summary>(1 − x²)^p, the radicand of the derivatives of arcsin, arccos and artanh.</summary>
        private static Expr OneMinusSquare(Expr x, double p) => Expr.Pow(Expr.One - Expr.Pow(x, 2.0), p);

        private static readonly FunctionInfo[] Functions =
        {
            new FunctionInfo(MathFunction.Exp, FunctionScope.Both, @"\exp", System.Math.Exp,
                (x, fx) => fx, rangeLow: 0, nonDecreasing: true),
            new FunctionInfo(MathFunction.Log, FunctionScope.Both, @"\log", System.Math.Log,
                (x, fx) => Expr.Pow(x, Expr.MinusOne), rangeLow: double.NegativeInfinity, nonDecreasing: true, domainLow: 0),
            new FunctionInfo(MathFunction.Sin, FunctionScope.Both, @"\sin", System.Math.Sin,
                (x, fx) => Call(MathFunction.Cos, x), rangeLow: -1, nonDecreasing: false),
            new FunctionInfo(MathFunction.Cos, FunctionScope.Both, @"\cos", System.Math.Cos,
                (x, fx) => -Call(MathFunction.Sin, x), rangeLow: -1, nonDecreasing: false),
            new FunctionInfo(MathFunction.Tan, FunctionScope.Both, @"\tan", System.Math.Tan,
                (x, fx) => Expr.One + Expr.Pow(fx, 2.0), rangeLow: double.NegativeInfinity, nonDecreasing: false),
            new FunctionInfo(MathFunction.Tanh, FunctionScope.Both, @"\tanh", System.Math.Tanh,
                (x, fx) => Expr.One - Expr.Pow(fx, 2.0), rangeLow: -1, nonDecreasing: true),
            new FunctionInfo(MathFunction.Atan, FunctionScope.Both, @"\arctan", System.Math.Atan,
                (x, fx) => Expr.Pow(Expr.One + Expr.Pow(x, 2.0), Expr.MinusOne), rangeLow: -HalfPi, nonDecreasing: true),
            new FunctionInfo(MathFunction.Sigmoid, FunctionScope.Dsl, @"\sigma", Elementary.Sigmoid,
                (x, fx) => fx * (Expr.One - fx), rangeLow: 0, nonDecreasing: true),
            new FunctionInfo(MathFunction.Softplus, FunctionScope.Dsl, @"\operatorname{softplus}", Elementary.Softplus,
                (x, fx) => Call(MathFunction.Sigmoid, x), rangeLow: 0, nonDecreasing: true),
            new FunctionInfo(MathFunction.LogCosh, FunctionScope.Dsl, @"\log\cosh", Elementary.LogCosh,
                (x, fx) => Call(MathFunction.Tanh, x), rangeLow: 0, nonDecreasing: false),
            // Its derivative is taken as sign x, 0 at the kink.
            new FunctionInfo(MathFunction.Abs, FunctionScope.Math, @"\operatorname{abs}", System.Math.Abs,
                (x, fx) => Call(MathFunction.Sign, x), rangeLow: 0, nonDecreasing: false, smooth: false),
            // Its derivative is taken as 0.
            new FunctionInfo(MathFunction.Sign, FunctionScope.Math, @"\operatorname{sign}", x => System.Math.Sign(x),
                (x, fx) => Expr.Zero, rangeLow: -1, nonDecreasing: true, smooth: false),
            new FunctionInfo(MathFunction.Cosh, FunctionScope.Both, @"\cosh", System.Math.Cosh,
                (x, fx) => Call(MathFunction.Sinh, x), rangeLow: 1, nonDecreasing: false),
            new FunctionInfo(MathFunction.Sinh, FunctionScope.Both, @"\sinh", System.Math.Sinh,
                (x, fx) => Call(MathFunction.Cosh, x), rangeLow: double.NegativeInfinity, nonDecreasing: true),
            new FunctionInfo(MathFunction.Asinh, FunctionScope.Both, @"\operatorname{arsinh}", Elementary.Asinh,
                (x, fx) => Expr.Pow(Expr.Pow(x, 2.0) + Expr.One, -0.5), rangeLow: double.NegativeInfinity, nonDecreasing: true),
            new FunctionInfo(MathFunction.Acosh, FunctionScope.Both, @"\operatorname{arcosh}", Elementary.Acosh,
                (x, fx) => Expr.Pow(Expr.Pow(x, 2.0) - Expr.One, -0.5), rangeLow: 0, nonDecreasing: true, domainLow: 1),
            new FunctionInfo(MathFunction.Atanh, FunctionScope.Both, @"\operatorname{artanh}", Elementary.Atanh,
                (x, fx) => OneMinusSquare(x, -1.0), rangeLow: double.NegativeInfinity, nonDecreasing: true, domainLow: -1, domainHigh: 1),
            new FunctionInfo(MathFunction.Asin, FunctionScope.Both, @"\arcsin", System.Math.Asin,
                (x, fx) => OneMinusSquare(x, -0.5), rangeLow: -HalfPi, nonDecreasing: true, domainLow: -1, domainHigh: 1),
            new FunctionInfo(MathFunction.Acos, FunctionScope.Both, @"\arccos", System.Math.Acos,
                (x, fx) => -OneMinusSquare(x, -0.5), rangeLow: 0, nonDecreasing: false, domainLow: -1, domainHigh: 1),
            // d∛x/dx = 1/(3∛x²) is infinite at 0: accepted with warning SGD0014, as for |x|.
            new FunctionInfo(MathFunction.Cbrt, FunctionScope.Both, @"\sqrt[3]", Elementary.Cbrt,
                (x, fx) => Expr.Const(1.0 / 3.0) * Expr.Pow(fx, -2.0), rangeLow: double.NegativeInfinity, nonDecreasing: true, smooth: false,
                latexBraces: true),
        };

        /// <summary>Every function, in the order of <see cref="MathFunction"/>.</summary>
        public static IReadOnlyList<FunctionInfo> All => Functions;

        /// <summary>What is known of <paramref name="f"/>.</summary>
        public static FunctionInfo Of(MathFunction f)
        {
            var i = (int)f;
            if (i < 0 || i >= Functions.Length) throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown function.");
            return Functions[i];
        }

        /// <summary>log_b x = log x · (1/log b), the form <c>Math.Log(x, b)</c> and <c>Math.Log10</c> share.</summary>
        private static Expr LogBase(Expr x, Expr b) => Call(MathFunction.Log, x) / Call(MathFunction.Log, b);

        /// <summary>|x| is the one non-smooth primitive behind max, min and relu: max(a, b) = (a + b + |a − b|)/2.</summary>
        private static Expr Abs(Expr x) => Call(MathFunction.Abs, x);

        private static FunctionSpelling Unary(string name, FunctionScope scope, Func<Expr, Expr> build) =>
            new FunctionSpelling(name, 1, scope, a => build(a[0]));

        private static FunctionSpelling Binary(string name, FunctionScope scope, Func<Expr, Expr, Expr> build) =>
            new FunctionSpelling(name, 2, scope, a => build(a[0], a[1]));

        private static readonly FunctionSpelling[] SpellingList = BuildSpellings();

        private static FunctionSpelling[] BuildSpellings()
        {
            var list = new List<FunctionSpelling>();
            foreach (var f in Functions)
            {
                var function = f.Function;
                list.Add(Unary(function.ToString(), f.Scope, x => Call(function, x)));
            }

            list.Add(Binary("Log", FunctionScope.Math, LogBase));
            list.Add(Unary("Log10", FunctionScope.Both, x => LogBase(x, 10.0)));
            list.Add(Unary("Log2", FunctionScope.Both, x => LogBase(x, 2.0)));
            list.Add(Unary("Sqrt", FunctionScope.Both, x => Expr.Pow(x, 0.5)));
            list.Add(Binary("Pow", FunctionScope.Both, Expr.Pow));
            list.Add(Unary("Sq", FunctionScope.Dsl, x => Expr.Pow(x, 2.0)));
            list.Add(Unary("Cube", FunctionScope.Dsl, x => Expr.Pow(x, 3.0)));
            list.Add(Binary("Max", FunctionScope.Math, (a, b) => 0.5 * (a + b + Abs(a - b))));
            list.Add(Binary("Min", FunctionScope.Math, (a, b) => 0.5 * (a + b - Abs(a - b))));
            list.Add(Unary("Relu", FunctionScope.Dsl, x => 0.5 * (x + Abs(x))));
            return list.ToArray();
        }

        /// <summary>Every name a loss may call, each with one arity (so <c>Log</c> appears twice).</summary>
        public static IReadOnlyList<FunctionSpelling> Spellings => SpellingList;

        /// <summary>The spellings called <paramref name="name"/> (case-sensitive) that a loss may call in <paramref name="scope"/>.</summary>
        public static IEnumerable<FunctionSpelling> Named(string name, FunctionScope scope)
        {
            foreach (var s in SpellingList)
                if (s.Name == name && (s.Scope & scope) != 0) yield return s;
        }

        /// <summary>The spellings whose infix name is <paramref name="name"/> (lower case, such as <c>log10</c>).</summary>
        public static IEnumerable<FunctionSpelling> NamedInInfix(string name)
        {
            foreach (var s in SpellingList)
                if (s.Infix == name) yield return s;
        }
    }
}
