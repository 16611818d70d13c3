using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Parses infix formulas: numbers, names (letters, digits, '_', and a trailing subscript such as
    /// <c>W[0,1]</c>), <c>+ - * / ^</c> (^ binds tighter than unary minus and is right-associative),
    /// parentheses, and the functions a loss may call (<see cref="FunctionCatalogue.Spellings"/>) in lower
    /// case, such as <c>exp</c>, <c>logcosh</c>, <c>sqrt</c>, <c>log10</c> and <c>pow(x, y)</c>. The result is simplified.
    /// Every number in it is finite: a literal, or a constant part that folds to ±∞ or NaN (<c>1e400</c>, <c>1/0</c>,
    /// <c>log(0)</c>, <c>(1e200)^2</c>), is an error at its position, as is nesting deeper than <see cref="Nesting.MaxDepth"/>.
    /// With <see cref="InfixNames"/> it also reads what <see cref="InfixPrinter"/> writes for indexed losses: <c>sum(j, 16, …)</c>
    /// and <c>prod(j, 16, …)</c>, array entries with affine subscripts (<c>W[j, k + 1]</c>) and <c>delta(p - i0)</c>.
    /// </summary>
    public sealed partial class InfixParser
    {
        private readonly string _text;
        private int _pos;
        private int _depth;

        private InfixParser(string text, InfixNames names)
        {
            _text = text;
            _declared = names;
        }

        /// <exception cref="FormatException">The text is not a formula; the message gives the position and quotes the formula.</exception>
        public static Expr Parse(string text) => Read(text, InfixNames.None).Expression;

        /// <summary>Parses <paramref name="text"/> with the arrays and free indices of <paramref name="names"/>.</summary>
        /// <exception cref="FormatException">The text is not a formula; the message gives the position and quotes the formula.</exception>
        public static Expr Parse(string text, InfixNames names) => Read(text, names).Expression;

        /// <summary>Parses <paramref name="text"/> and lists the names it reads.</summary>
        /// <exception cref="FormatException">The text is not a formula; the message gives the position and quotes the formula.</exception>
        public static InfixFormula Read(string text, InfixNames names)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            if (names == null) throw new ArgumentNullException(nameof(names));
            var parser = new InfixParser(text, names);
            var e = parser.ParseSum();
            parser.SkipSpace();
            if (parser._pos < text.Length) throw parser.Error("unexpected '" + text[parser._pos] + "'");
            return new InfixFormula(e, parser._order, parser._subscripted.Values.OrderBy(n => n.Position).ToList());
        }

        /// <summary>The terms of a run of + and −, added in one step (pairwise, a long sum would be rebuilt at every term).</summary>
        private Expr ParseSum()
        {
            var start = Here();
            var terms = new List<Expr> { ParseProduct() };
            while (true)
            {
                if (Accept('+')) terms.Add(ParseProduct());
                else if (Accept('-')) terms.Add(-ParseProduct());
                else return Finite(Expr.Add(terms.ToArray()), start);
            }
        }

        /// <summary>
        /// A leading sign and the factors of a run of * and /, multiplied in one step: building −c·s·f
        /// pairwise would first distribute −c over a sum s, giving an equal but differently shaped
        /// product than the one the printer wrote.
        /// </summary>
        private Expr ParseProduct()
        {
            var start = Here();
            var factors = new List<Expr>();
            if (AcceptSigns()) factors.Add(Expr.MinusOne);
            factors.Add(ParsePower());
            while (true)
            {
                if (Accept('*')) factors.Add(ParseUnary());
                else if (Accept('/'))
                {
                    var at = _pos - 1;
                    var divisor = ParseUnary();
                    var reciprocal = Expr.Pow(divisor, Expr.MinusOne);
                    if (divisor.IsConstant(0.0)) throw Error("division by zero", at);
                    if (FoldedConstants.NonFinite(reciprocal) != null)
                        throw Error($"division by '{_text.Substring(at + 1, _pos - at - 1).Trim()}', too close to zero (its reciprocal is not a finite number)", at);
                    factors.Add(reciprocal);
                }
                else return Finite(Expr.Multiply(factors.ToArray()), start);
            }
        }

        private Expr ParseUnary()
        {
            var negative = AcceptSigns();
            var e = ParsePower();
            return negative ? -e : e;
        }

        /// <summary>Whether a run of unary signs (possibly none) is negative.</summary>
        private bool AcceptSigns()
        {
            var negative = false;
            while (true)
            {
                if (Accept('-')) negative = !negative;
                else if (!Accept('+')) return negative;
            }
        }

        private Expr ParsePower()
        {
            var start = Here();
            var b = ParsePrimary();
            if (!Accept('^')) return b;
            var exponent = Nested(_pos - 1, ParseUnary);
            return Finite(Expr.Pow(b, exponent), start);
        }

        private Expr ParsePrimary()
        {
            var start = Here();
            if (_pos >= _text.Length) throw Error("unexpected end of formula");
            var c = _text[_pos];
            if (Accept('('))
            {
                return Closed(start, ParseSum);
            }

            if (char.IsDigit(c) || c == '.') return ParseNumber();
            if (char.IsLetter(c) || c == '_') return ParseNameOrCall();
            throw Error("unexpected '" + c + "'");
        }

        private Expr ParseNumber()
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
            if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                var save = _pos++;
                if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
                if (_pos < _text.Length && char.IsDigit(_text[_pos]))
                    while (_pos < _text.Length && char.IsDigit(_text[_pos])) _pos++;
                else _pos = save;
            }

            var token = _text.Substring(start, _pos - start);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw Error("bad number '" + token + "'", start);
            if (!FunctionCall.IsFinite(value)) throw Error("number '" + token + "' is too large for a double (at most about 1.8e308)", start);
            return Expr.Const(value);
        }

        private Expr ParseNameOrCall()
        {
            var start = _pos;
            var name = Identifier();
            if (_pos < _text.Length && _text[_pos] == '[') return ParseSubscripted(name, start);
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] == '(')
            {
                if (name == "sum" || name == "prod") return ParseReduction(name == "sum", start);
                if (name == "delta") return ParseDelta(start);
                return ParseCall(name, start);
            }

            return Scalar(name, start);
        }

        private string Identifier()
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
            return _text.Substring(start, _pos - start);
        }

        private Expr ParseCall(string name, int start)
        {
            Expect('(');
            var args = Closed(start, () =>
            {
                var list = new List<Expr> { ParseSum() };
                while (Accept(',')) list.Add(ParseSum());
                return list;
            });

            var spellings = new List<FunctionSpelling>(FunctionCatalogue.NamedInInfix(name));
            if (spellings.Count == 0) throw Error("unknown function '" + name + "'", start);
            foreach (var spelling in spellings)
                if (spelling.Arity == args.Count) return FiniteCall(spelling.Build(args), args, start);
            var arities = string.Join(" or ", spellings.ConvertAll(s => s.Arity.ToString(CultureInfo.InvariantCulture)).ToArray());
            throw Error($"{name} takes {arities} argument{(spellings.Count == 1 && spellings[0].Arity == 1 ? "" : "s")}", start);
        }

        /// <summary>Parses one level deeper, refusing to go beyond <see cref="Nesting.MaxDepth"/>: the recursion must not exhaust the stack.</summary>
        /// <summary>What <paramref name="parse"/> reads one level deeper, then the ')' that closes it.</summary>
        private T Closed<T>(int at, Func<T> parse)
        {
            var result = Nested(at, parse);
            Expect(')');
            return result;
        }

        private T Nested<T>(int at, Func<T> parse)
        {
            if (_depth >= Nesting.MaxDepth)
                throw Error($"the formula nests more than {Nesting.MaxDepth} levels of parentheses, calls and powers", at);
            _depth++;
            var result = parse();
            _depth--;
            return result;
        }

        /// <summary>
        /// <paramref name="e"/>, the node just built from the text since <paramref name="start"/>, after checking the
        /// numbers folding put in it. Its operands were checked when they were built, so only its own are looked at.
        /// </summary>
        private Expr Finite(Expr e, int start)
        {
            var bad = FoldedConstants.NonFinite(e);
            return bad == null ? e : throw NotFinite(FoldedConstants.IsConstantPart(e), bad.Value, start);
        }

        private Expr FiniteCall(Expr e, List<Expr> args, int start)
        {
            var bad = FoldedConstants.NonFiniteAbove(e, args);
            return bad == null ? e : throw NotFinite(ReferenceEquals(bad.Value.Node, e) && FoldedConstants.IsConstantPart(e), bad.Value.Value, start);
        }

        /// <summary>The error for a number that is not finite in the text since <paramref name="start"/>: that text's value, or a constant in it.</summary>
        private FormatException NotFinite(bool whole, double value, int start)
        {
            var text = _text.Substring(start, _pos - start).Trim();
            var shown = FoldedConstants.Show(value);
            return Error(whole ? $"'{text}' is {shown}, not a finite number" : $"a constant in '{text}' is {shown}, not a finite number", start);
        }

        private bool Accept(char c)
        {
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] != c) return false;
            _pos++;
            return true;
        }

        private void Expect(char c)
        {
            if (!Accept(c)) throw Error("expected '" + c + "'");
        }

        private int Here()
        {
            SkipSpace();
            return _pos;
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
        }

        /// <summary>Formulas longer than this are quoted by the stretch around the position, so that one error stays one readable line.</summary>
        private const int QuotedLength = 120;

        private FormatException Error(string what, int? at = null)
        {
            var position = at ?? _pos;
            var quoted = _text;
            if (_text.Length > QuotedLength)
            {
                var from = Math.Max(0, position - QuotedLength / 2);
                var to = Math.Min(_text.Length, from + QuotedLength);
                quoted = (from > 0 ? "…" : "") + _text.Substring(from, to - from) + (to < _text.Length ? "…" : "");
            }

            return new FormatException($"{what} at position {position + 1} of \"{quoted}\"");
        }
    }
}
