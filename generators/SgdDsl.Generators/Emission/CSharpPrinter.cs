using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Emission
{
    /// <summary>
    /// C# expression text, such as <c>0.5 * t0 * t0</c>. Variables are printed by a caller-given
    /// mapping (to spans or locals); subexpressions the caller has named (common subexpressions)
    /// print as their names, except the expression printed itself. Squares and cubes of named or atomic bases are written as products.
    /// </summary>
    internal sealed class CSharpPrinter : ExprPrinter
    {
        private const string MathClass = "global::System.Math";
        private const string DslClass = "global::SgdDsl.Dsl";
        private readonly Func<Variable, string> _variables;
        private readonly Func<Expr, string?> _nameOf;
        private readonly Func<Element, string>? _elements;
        private readonly Func<IndexSymbol, string>? _indices;

        /// <param name="variables">The C# text of each variable.</param>
        /// <param name="names">Subexpressions already held in locals, by local name; every sum or product over an index must be one.</param>
        /// <param name="elements">The C# text of each array entry, for indexed expressions.</param>
        /// <param name="indices">The C# name of each index (loop variable), for indexed expressions.</param>
        public CSharpPrinter(Func<Variable, string> variables, IReadOnlyDictionary<Expr, string> names,
            Func<Element, string>? elements = null, Func<IndexSymbol, string>? indices = null)
            : this(variables, e => names.TryGetValue(e, out var name) ? name : null, elements, indices)
        {
        }

        /// <param name="variables">The C# text of each variable.</param>
        /// <param name="nameOf">The local holding a subexpression, or null; every sum or product over an index must have one.</param>
        /// <param name="elements">The C# text of each array entry, for indexed expressions.</param>
        /// <param name="indices">The C# name of each index (loop variable), for indexed expressions.</param>
        public CSharpPrinter(Func<Variable, string> variables, Func<Expr, string?> nameOf,
            Func<Element, string>? elements = null, Func<IndexSymbol, string>? indices = null)
        {
            _variables = variables;
            _nameOf = nameOf;
            _elements = elements;
            _indices = indices;
        }

        protected override string IndexName(IndexSymbol index) => _indices?.Invoke(index) ?? base.IndexName(index);

        protected override void WriteElement(Element e, StringBuilder sb) =>
            sb.Append(_elements?.Invoke(e) ?? throw new InvalidOperationException("No C# text for array entries was given."));

        protected override void WriteDelta(Delta d, StringBuilder sb) =>
            sb.Append('(').Append(d.Difference.Format(IndexName)).Append(" == 0 ? 1.0 : 0.0)");

        protected override void WriteReduction(Reduction r, StringBuilder sb) =>
            throw new InvalidOperationException("A sum or product over an index must be computed in a loop and named before it is printed.");

        protected override string Times => " * ";

        protected override bool TryWriteName(Expr e, StringBuilder sb)
        {
            var name = _nameOf(e);
            if (name == null) return false;
            sb.Append(name);
            return true;
        }

        protected override string FormatNumber(double value)
        {
            // A C# constant can fold to ±∞ (1e308 * 10); keep the generated code compilable.
            if (double.IsNaN(value)) return "double.NaN";
            if (double.IsInfinity(value)) return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
        }

        protected override void WriteVariable(Variable v, StringBuilder sb) => sb.Append(_variables(v));

        protected override void WriteFunction(MathFunction f, Expr argument, StringBuilder sb)
        {
            sb.Append(Call(f)).Append('(');
            Write(argument, sb, SumLevel);
            sb.Append(')');
        }

        protected override void WritePower(Expr b, Expr e, StringBuilder sb)
        {
            var n = (e as Constant)?.Value;
            if (IsSimple(b) && (n == 2.0 || n == 3.0))
            {
                Write(b, sb, AtomLevel);
                for (var i = 1; i < n; i++)
                {
                    sb.Append(" * ");
                    Write(b, sb, AtomLevel);
                }

                return;
            }

            string call;
            if (n == 2.0) call = DslClass + ".Sq(";
            else if (n == 3.0) call = DslClass + ".Cube(";
            else if (n == 0.5) call = MathClass + ".Sqrt(";
            else call = MathClass + ".Pow(";
            sb.Append(call);
            Write(b, sb, SumLevel);
            if (call.EndsWith("Pow(", StringComparison.Ordinal))
            {
                sb.Append(", ");
                Write(e, sb, SumLevel);
            }

            sb.Append(')');
        }

        protected override void WriteQuotient(Action<StringBuilder> numerator, Action<StringBuilder> denominator, bool denominatorIsSingleFactor, StringBuilder sb)
        {
            numerator(sb);
            sb.Append(" / ");
            if (!denominatorIsSingleFactor) sb.Append('(');
            denominator(sb);
            if (!denominatorIsSingleFactor) sb.Append(')');
        }

        /// <summary>A named subexpression is a single identifier, so it binds as an atom.</summary>
        protected override int LevelOf(Expr e)
        {
            if (_nameOf(e) != null) return AtomLevel;
            // t * t: a square of a simple base prints as a product.
            if (e is Power { ConstantExponent: 2.0 or 3.0 } p && IsSimple(p.Base)) return ProductLevel;
            return base.LevelOf(e);
        }

        /// <summary>
        /// The C# that calls <paramref name="f"/>, fully qualified and yielding a double: System.Math where the loss
        /// may call it, otherwise the runtime's Dsl helper (overflow-safe forms).
        /// </summary>
        public static string Call(MathFunction f)
        {
            if (f == MathFunction.Sign) return "(double)" + MathClass + ".Sign"; // Math.Sign returns an int
            return ((FunctionCatalogue.Of(f).Scope & FunctionScope.Math) != 0 ? MathClass : DslClass) + "." + f;
        }

        private bool IsSimple(Expr b) => b is Variable || b is Element || _nameOf(b) != null;
    }
}
