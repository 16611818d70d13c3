using System;

namespace SgdDsl.Symbolics
{
    /// <summary>How each elementary function is spelled in infix text and in LaTeX.</summary>
    public static class FunctionNames
    {
        public static string Infix(MathFunction f) => f.ToString().ToLowerInvariant();

        public static string Latex(MathFunction f)
        {
            switch (f)
            {
                case MathFunction.Exp: return @"\exp";
                case MathFunction.Log: return @"\log";
                case MathFunction.Sin: return @"\sin";
                case MathFunction.Cos: return @"\cos";
                case MathFunction.Tan: return @"\tan";
                case MathFunction.Tanh: return @"\tanh";
                case MathFunction.Atan: return @"\arctan";
                case MathFunction.Sigmoid: return @"\sigma";
                case MathFunction.Softplus: return @"\operatorname{softplus}";
                case MathFunction.LogCosh: return @"\log\cosh";
                case MathFunction.Abs: return @"\operatorname{abs}";
                case MathFunction.Sign: return @"\operatorname{sign}";
                default: throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown function.");
            }
        }

        /// <summary>The function named <paramref name="name"/> in infix text (case-sensitive, lower case), if any.</summary>
        public static bool TryParseInfix(string name, out MathFunction f)
        {
            foreach (MathFunction candidate in Enum.GetValues(typeof(MathFunction)))
            {
                if (Infix(candidate) == name)
                {
                    f = candidate;
                    return true;
                }
            }

            f = default;
            return false;
        }
    }
}
