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

        /// <summary>A doc summary: a first line written as is, then one escaped line per formula.</summary>
        public SourceWriter Summary(string xml, System.Collections.Generic.IEnumerable<string> formulas)
        {
            Line("/// <summary>");
            Line("/// " + xml);
            foreach (var formula in formulas) Line("/// <br/>" + Escape(formula));
            return Line("/// </summary>");
        }

        public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        public override string ToString() => _sb.ToString();
    }
}
