using System;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// The numerical definitions that System.Math does not give in netstandard2.0 (which this engine
    /// targets, so that it can run inside the compiler): overflow-safe σ, softplus and log cosh, and
    /// asinh, acosh, atanh and ∛ accurate to a few ulps. Generated code calls System.Math on .NET 10 instead.
    /// </summary>
    internal static class Elementary
    {
        private const double Ln2 = 0.69314718055994530942;

        /// <summary>Beyond 2²⁸, x² + 1 = x² in doubles and asinh x = log 2x, acosh x = log 2x to rounding.</summary>
        private const double Large = 268435456.0;

        public static double Sigmoid(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

        public static double Softplus(double x) => Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x)));

        public static double LogCosh(double x)
        {
            var a = Math.Abs(x);
            return a + Math.Log(1.0 + Math.Exp(-2.0 * a)) - Math.Log(2.0);
        }

        /// <summary>log(1 + u) without the cancellation of forming 1 + u (Kahan's correction by the rounded step).</summary>
        public static double Log1p(double u)
        {
            var w = 1.0 + u;
            if (w == 1.0) return u;
            if (double.IsInfinity(w)) return w;
            return Math.Log(w) * (u / (w - 1.0));
        }

        public static double Asinh(double x)
        {
            var a = Math.Abs(x);
            var r = a > Large ? Math.Log(a) + Ln2 : Log1p(a + a * a / (1.0 + Math.Sqrt(1.0 + a * a)));
            return x < 0 ? -r : r;
        }

        public static double Acosh(double x)
        {
            if (!(x >= 1.0)) return double.NaN;
            if (x > Large) return Math.Log(x) + Ln2;
            var t = x - 1.0;
            return Log1p(t + Math.Sqrt(t * (t + 2.0)));
        }

        public static double Atanh(double x)
        {
            var a = Math.Abs(x);
            if (!(a <= 1.0)) return double.NaN;
            var r = a == 1.0 ? double.PositiveInfinity : 0.5 * Log1p(2.0 * a / (1.0 - a));
            return x < 0 ? -r : r;
        }

        /// <summary>∛x with the sign of x: |x|^(1/3) (1/3 is inexact), polished by one Newton step.</summary>
        public static double Cbrt(double x)
        {
            if (x == 0.0 || double.IsNaN(x) || double.IsInfinity(x)) return x;
            var a = Math.Abs(x);
            var y = Math.Pow(a, 1.0 / 3.0);
            y -= (y - a / (y * y)) / 3.0;
            return x < 0 ? -y : y;
        }
    }
}
