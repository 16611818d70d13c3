using System;
using System.Text;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Plain infix text such as <c>0.5*(a*b*x - y)^2</c> or <c>sum(i0, 4, W[p, i0]*x[i0])</c>, which <see cref="InfixParser"/> reads
    /// back to the same expression (given the arrays and free indices in <see cref="InfixNames"/> when it has any).
    /// </summary>
    public sealed class InfixPrinter : ExprPrinter
    {
        private static readonly InfixPrinter Instance = new InfixPrinter();

        /// <summary>The infix text of <paramref name="e"/>.</summary>
        public static string Format(Expr e) => Instance.Print(e);

        protected override string Times => "*";

        protected override void WriteVariable(Variable v, StringBuilder sb) => sb.Append(v.Name);

        protected override void WriteFunction(MathFunction f, Expr argument, StringBuilder sb)
        {
            sb.Append(FunctionCatalogue.Of(f).Infix).Append('(');
            Write(argument, sb, SumLevel);
            sb.Append(')');
        }

        protected override void WritePower(Expr b, Expr e, StringBuilder sb)
        {
            if (e.IsConstant(0.5))
            {
                sb.Append("sqrt(");
                Write(b, sb, SumLevel);
                sb.Append(')');
                return;
            }

            Write(b, sb, AtomLevel);
            sb.Append('^');
            Write(e, sb, AtomLevel);
        }

        protected override void WriteQuotient(Action<StringBuilder> numerator, Action<StringBuilder> denominator, bool denominatorIsSingleFactor, StringBuilder sb)
        {
            numerator(sb);
            sb.Append('/');
            if (!denominatorIsSingleFactor) sb.Append('(');
            denominator(sb);
            if (!denominatorIsSingleFactor) sb.Append(')');
        }
    }
}
