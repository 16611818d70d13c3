using System.Text;

namespace SgdDsl.Generators.Emission
{
    /// <summary>A StringBuilder that indents: cheaper and clearer than SyntaxFactory + NormalizeWhitespace.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private int _indent;

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0) _sb.Append(' ', 4 * _indent).Append(text);
            _sb.Append('\n');
            return this;
        }

        public SourceWriter Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close()
        {
            _indent--;
            return Line("}");
        }

        /// <summary>A one-line doc summary; <paramref name="xml"/> is written as is.</summary>
        public SourceWriter Summary(string xml) => Line("/// <summary>" + xml + "</summary>");

        /// <summary>Longest formula a doc comment quotes in full; longer ones are cut with their length stated.</summary>
        public const int MaxFormulaLength = 400;

        /// <summary>Most formulas one doc comment lists (a Hessian of many scalar parameters has d(d + 1)/2).</summary>
        public const int MaxFormulas = 32;

        /// <summary>
        /// A doc summary: a first line written as is, then one escaped line per formula. Formulas print shared
        /// subexpressions in full, so they can grow much faster than the code: doc comments quote at most
        /// <see cref="MaxFormulas"/> of them, each cut at <see cref="MaxFormulaLength"/> characters, so the generated file
        /// grows with the code, not with the printed formulas.
        /// </summary>
        public SourceWriter Summary(string xml, System.Collections.Generic.IReadOnlyList<string> formulas) => Summary(xml, formulas, f => f);

        /// <summary>
        /// The summary of <see cref="Summary(string, System.Collections.Generic.IReadOnlyList{string})"/> with the formula
        /// of each item printed by <paramref name="formula"/>, which only the quoted items are printed with.
        /// </summary>
        public SourceWriter Summary<T>(string xml, System.Collections.Generic.IReadOnlyList<T> items, System.Func<T, string> formula)
        {
            Line("/// <summary>");
            Line("/// " + xml);
            for (var i = 0; i < items.Count && i < MaxFormulas; i++) Line("/// <br/>" + Escape(Cut(formula(items[i]), MaxFormulaLength)));
            if (items.Count > MaxFormulas) Line($"/// <br/>… and {items.Count - MaxFormulas} more");
            return Line("/// </summary>");
        }

        /// <summary>
        /// Characters a formula is printed to at most (the printers' length limit): a Hessian's formula
        /// can print its shared subexpressions millions of times, and only its start is quoted.
        /// </summary>
        public const int PrintBudget = 100000;

        /// <summary>
        /// <paramref name="formula"/>, or its first <paramref name="length"/> characters and its length (or that it is
        /// longer than <see cref="PrintBudget"/>, where printing stopped).
        /// </summary>
        public static string Cut(string formula, int length) =>
            formula.Length <= length ? formula : formula.Substring(0, length) + (formula.Length > PrintBudget
                ? $" … (cut: the formula has more than {PrintBudget.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters)"
                : $" … (cut: the formula has {formula.Length} characters)");

        public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        public override string ToString() => _sb.ToString();
    }
}
