using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// The layout shared by the infix and LaTeX printers (and the generator's C# printer): sums with subtraction for negative
    /// terms, products split into numerator and denominator, parentheses only where precedence needs
    /// them. Subclasses decide how atoms, powers, functions and quotients look.
    /// </summary>
    public abstract class ExprPrinter
    {
        /// <summary>Binding strength; a subexpression weaker than its context is parenthesized.</summary>
        protected const int SumLevel = 1, ProductLevel = 2, UnaryLevel = 3, PowerLevel = 4, AtomLevel = 5;

        /// <summary>
        /// Characters after which printing stops (the text then ends mid-formula): a formula whose shared subexpressions
        /// print once per use can be far longer than the expression, and a reader who sees only its start need not wait
        /// for the rest.
        /// </summary>
        protected int Limit { get; set; } = int.MaxValue;

        /// <summary>Where printing stopped at <see cref="Limit"/>: the text before it is the start of the full text.</summary>
        private int _stoppedAt = -1;

        /// <summary>Prints <paramref name="e"/>.</summary>
        public string Print(Expr e)
        {
            var sb = new StringBuilder();
            Write(e, sb, SumLevel, root: true);
            return _stoppedAt < 0 ? sb.ToString() : sb.ToString(0, _stoppedAt);
        }

        /// <summary>Text between factors of a product.</summary>
        protected abstract string Times { get; }

        /// <summary>Text for an opening and a closing parenthesis.</summary>
        protected virtual string Open => "(";

        protected virtual string Close => ")";

        protected abstract void WriteVariable(Variable v, StringBuilder sb);

        protected abstract void WriteFunction(MathFunction f, Expr argument, StringBuilder sb);

        /// <summary>Writes b^e for an exponent that is not a negative constant.</summary>
        protected abstract void WritePower(Expr b, Expr e, StringBuilder sb);

        /// <summary>
        /// Writes numerator / denominator, each given as a writer; <paramref name="denominatorIsSingleFactor"/>
        /// says the denominator already binds tighter than division (an atom, a power or a parenthesized sum).
        /// </summary>
        protected abstract void WriteQuotient(Action<StringBuilder> numerator, Action<StringBuilder> denominator, bool denominatorIsSingleFactor, StringBuilder sb);

        /// <summary>
        /// True when <see cref="WriteQuotient"/> sets numerator and denominator apart itself (as \frac{}{}
        /// does), so a lone factor there needs no parentheses.
        /// </summary>
        protected virtual bool QuotientGroupsItsParts => false;

        /// <summary>Text between factors of a product, before <paramref name="factor"/>.</summary>
        protected virtual string TimesBefore(Expr factor) => Times;

        /// <summary>The printed name of an index: bound indices #0, #1, … print as i0, i1, ….</summary>
        protected virtual string IndexName(IndexSymbol index) => index.IsBound ? "i" + index.Name.Substring(1) : index.Name;

        /// <summary>Writes an array entry, by default as <c>W[i0, p1 + 1]</c>.</summary>
        protected virtual void WriteElement(Element e, StringBuilder sb)
        {
            sb.Append(e.Array).Append('[');
            for (var i = 0; i < e.Subscripts.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(e.Subscripts[i].Format(IndexName));
            }

            sb.Append(']');
        }

        /// <summary>Writes a Kronecker delta, by default as <c>delta(p0 - i1)</c> (1 when the argument is 0).</summary>
        protected virtual void WriteDelta(Delta d, StringBuilder sb) =>
            sb.Append("delta(").Append(d.Difference.Format(IndexName)).Append(')');

        /// <summary>Writes Σ or Π over an index, by default as <c>sum(i0, 4, body)</c>.</summary>
        protected virtual void WriteReduction(Reduction r, StringBuilder sb)
        {
            sb.Append(r is IndexedSum ? "sum(" : "prod(").Append(IndexName(r.Bound)).Append(", ").Append(r.Bound.Range).Append(", ");
            Write(r.Body, sb, SumLevel);
            sb.Append(')');
        }

        /// <summary>Lets a printer replace a whole subexpression by a name (common subexpressions).</summary>
        protected virtual bool TryWriteName(Expr e, StringBuilder sb) => false;

        protected virtual string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>Writes <paramref name="e"/> in a context that needs at least <paramref name="level"/>.</summary>
        protected void Write(Expr e, StringBuilder sb, int level, bool root = false)
        {
            if (sb.Length > Limit)
            {
                if (_stoppedAt < 0) _stoppedAt = sb.Length;
                return;
            }

            if (!root && TryWriteName(e, sb)) return;
            var own = LevelOf(e);
            var parenthesize = own < level;
            if (parenthesize) sb.Append(Open);
            WriteBare(e, sb);
            if (parenthesize) sb.Append(Close);
        }

        private void WriteBare(Expr e, StringBuilder sb)
        {
            switch (e)
            {
                case Constant c:
                    sb.Append(FormatNumber(c.Value));
                    break;
                case Variable v:
                    WriteVariable(v, sb);
                    break;
                case Sum s:
                    WriteSum(s, sb);
                    break;
                case Product p:
                    WriteProduct(p.Coefficient, p.Factors, sb);
                    break;
                case Power w when w.ConstantExponent < 0:
                    WriteProduct(1.0, new Expr[] { w }, sb);
                    break;
                case Power w:
                    WritePower(w.Base, w.Exponent, sb);
                    break;
                case FunctionCall f:
                    WriteFunction(f.Function, f.Argument, sb);
                    break;
                case Element el:
                    WriteElement(el, sb);
                    break;
                case Delta d:
                    WriteDelta(d, sb);
                    break;
                case Reduction r:
                    WriteReduction(r, sb);
                    break;
            }
        }

        private void WriteSum(Sum s, StringBuilder sb)
        {
            var offsetFirst = LeadsWithOffset(s);
            if (offsetFirst) sb.Append(FormatNumber(s.Offset));
            var first = !offsetFirst;
            foreach (var i in PrintOrder(s))
            {
                var term = s.Terms[i];
                if (first) Write(term, sb, SumLevel);
                else
                {
                    var negative = IsWrittenNegated(s, i);
                    sb.Append(negative ? " - " : " + ");
                    Write(negative ? -term : term, sb, ProductLevel);
                }

                first = false;
            }

            if (s.Offset != 0.0 && !offsetFirst)
            {
                sb.Append(s.Offset < 0 ? " - " : " + ");
                sb.Append(FormatNumber(Math.Abs(s.Offset)));
            }
        }

        /// <summary>The order terms are written in: a positive term leads if there is one (t0 - y, not -y + t0).</summary>
        private static IEnumerable<int> PrintOrder(Sum s)
        {
            var lead = LeadingTerm(s);
            if (lead >= 0) yield return lead;
            for (var i = 0; i < s.Terms.Count; i++)
                if (i != lead) yield return i;
        }

        /// <summary>The index of the term written first without a sign of its own, or −1 when the offset leads.</summary>
        private static int LeadingTerm(Sum s)
        {
            if (LeadsWithOffset(s)) return -1;
            for (var i = 0; i < s.Terms.Count; i++)
                if (CoefficientOf(s.Terms[i]) > 0) return i;
            return 0;
        }

        private void WriteProduct(double coefficient, IReadOnlyList<Expr> factors, StringBuilder sb)
        {
            var numerator = new List<Expr>();
            var denominator = new List<Expr>();
            foreach (var f in factors)
            {
                if (f is Power w && w.ConstantExponent < 0) denominator.Add(Expr.Pow(w.Base, Expr.Const(-w.ConstantExponent!.Value)));
                else numerator.Add(f);
            }

            if (coefficient < 0)
            {
                sb.Append('-');
                coefficient = -coefficient;
            }

            if (denominator.Count == 0) WriteFactors(coefficient, numerator, sb, grouped: false);
            else WriteQuotient(
                b => WriteFactors(coefficient, numerator, b, QuotientGroupsItsParts),
                b => WriteFactors(1.0, denominator, b, QuotientGroupsItsParts),
                denominator.Count == 1 && LevelOf(denominator[0]) != ProductLevel,
                sb);
        }

        private void WriteFactors(double coefficient, List<Expr> factors, StringBuilder sb, bool grouped)
        {
            // Alone in a part the quotient sets apart, a factor needs no parentheses even if it is a sum.
            var level = grouped && coefficient == 1.0 && factors.Count == 1 ? SumLevel : ProductLevel;
            var first = true;
            if (coefficient != 1.0 || factors.Count == 0)
            {
                sb.Append(FormatNumber(coefficient));
                first = false;
            }

            foreach (var f in factors)
            {
                if (!first) sb.Append(TimesBefore(f));
                // Products are associative, so a factor that prints as a product needs no parentheses.
                Write(f, sb, level);
                first = false;
            }
        }

        private static double CoefficientOf(Expr term) => term is Product p ? p.Coefficient : 1.0;

        /// <summary>1 - x reads better than -x + 1: a positive constant leads when every term is negative.</summary>
        private static bool LeadsWithOffset(Sum s) => s.Offset > 0 && s.Terms.All(t => CoefficientOf(t) < 0);

        /// <summary>
        /// True when term <paramref name="i"/> of <paramref name="s"/> is written as " - " and its negation,
        /// so the negation is what the code computes (see <see cref="CommonSubexpressions"/>).
        /// </summary>
        internal static bool IsWrittenNegated(Sum s, int i) => CoefficientOf(s.Terms[i]) < 0 && i != LeadingTerm(s);

        /// <summary>How strongly the printed form of <paramref name="e"/> binds.</summary>
        protected virtual int LevelOf(Expr e)
        {
            switch (e)
            {
                case Sum _:
                    return SumLevel;
                case Product p:
                    return p.Coefficient < 0 ? UnaryLevel : ProductLevel;
                case Power w:
                    return w.ConstantExponent < 0 ? ProductLevel : PowerLevel;
                case Constant c:
                    return c.Value < 0 ? UnaryLevel : AtomLevel;
                default:
                    return AtomLevel;
            }
        }
    }
}
