using System;
using System.Text;

namespace SgdDsl.Symbolics
{
    /// <summary>LaTeX such as <c>0.5 \left(a b x - y\right)^{2}</c>.</summary>
    public sealed class LatexPrinter : ExprPrinter
    {
        private static readonly LatexPrinter Instance = new LatexPrinter();

        /// <summary>The LaTeX of <paramref name="e"/>.</summary>
        public static string Format(Expr e) => Instance.Print(e);

        /// <summary>
        /// The text of <paramref name="e"/>, or, when it is longer than <paramref name="maxLength"/> characters, a text
        /// of a little more than that many that is its start (printing stops there).
        /// </summary>
        public static string FormatUpTo(Expr e, int maxLength) => new LatexPrinter { Limit = maxLength }.Print(e);

        protected override string Times => " ";

        protected override string Open => @"\left(";

        protected override string Close => @"\right)";

        protected override bool QuotientGroupsItsParts => true;

        /// <summary>A power of a number starts with a digit, so juxtaposition would run it into the number before it.</summary>
        protected override string TimesBefore(Expr factor) => factor is Power { Base: Constant } ? @" \cdot " : Times;

        protected override void WriteVariable(Variable v, StringBuilder sb) =>
            sb.Append(v.Name.Length == 1 ? v.Name : @"\mathit{" + v.Name.Replace("_", @"\_") + "}");

        protected override string IndexName(IndexSymbol index) => index.IsBound ? "i_{" + index.Name.Substring(1) + "}" : index.Name;

        protected override void WriteElement(Element e, StringBuilder sb)
        {
            sb.Append(e.Array.Length == 1 ? e.Array : @"\mathit{" + e.Array + "}").Append("_{");
            for (var i = 0; i < e.Subscripts.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(e.Subscripts[i].Format(IndexName));
            }

            sb.Append('}');
        }

        protected override void WriteDelta(Delta d, StringBuilder sb) =>
            sb.Append(@"\delta_{").Append(d.Difference.Format(IndexName)).Append(",0}");

        protected override void WriteReduction(Reduction r, StringBuilder sb)
        {
            sb.Append(r is IndexedSum ? @"\sum_{" : @"\prod_{").Append(IndexName(r.Bound)).Append("=0}^{").Append(r.Bound.Range - 1).Append("} ");
            Write(r.Body, sb, ProductLevel);
        }

        protected override void WriteFunction(MathFunction f, Expr argument, StringBuilder sb)
        {
            var info = FunctionCatalogue.Of(f);
            sb.Append(info.Latex).Append(info.LatexBraces ? "{" : Open);
            Write(argument, sb, SumLevel);
            sb.Append(info.LatexBraces ? "}" : Close);
        }

        protected override void WritePower(Expr b, Expr e, StringBuilder sb)
        {
            if (e.IsConstant(0.5))
            {
                sb.Append(@"\sqrt{");
                Write(b, sb, SumLevel);
                sb.Append('}');
                return;
            }

            Write(b, sb, AtomLevel);
            sb.Append("^{");
            Write(e, sb, SumLevel);
            sb.Append('}');
        }

        protected override void WriteQuotient(Action<StringBuilder> numerator, Action<StringBuilder> denominator, bool denominatorIsSingleFactor, StringBuilder sb)
        {
            sb.Append(@"\frac{");
            numerator(sb);
            sb.Append("}{");
            denominator(sb);
            sb.Append('}');
        }
    }
}
