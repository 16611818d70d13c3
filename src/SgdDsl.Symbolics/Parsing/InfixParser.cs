using System;
using System.Collections.Generic;
using System.Globalization;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Parses infix formulas: numbers, names (letters, digits, '_', and a trailing subscript such as
    /// <c>W[0,1]</c>), <c>+ - * / ^</c> (^ binds tighter than unary minus and is right-associative),
    /// parentheses, and the functions a loss may call (<see cref="FunctionCatalogue.Spellings"/>) in lower
    /// case, such as <c>exp</c>, <c>logcosh</c>, <c>sqrt</c>, <c>log10</c> and <c>pow(x, y)</c>. The result is simplified.
    /// </summary>
    public sealed class InfixParser
    {
        private readonly string _text;
        private int _pos;

        private InfixParser(string text) => _text = text;

        /// <exception cref="FormatException">The text is not a formula; the message gives the position.</exception>
        public static Expr Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var parser = new InfixParser(text);
            var e = parser.ParseSum();
            parser.SkipSpace();
            if (parser._pos < text.Length) throw parser.Error("unexpected '" + text[parser._pos] + "'");
            return e;
        }

        private Expr ParseSum()
        {
            var e = ParseProduct();
            while (true)
            {
                if (Accept('+')) e = e + ParseProduct();
                else if (Accept('-')) e = e - ParseProduct();
                else return e;
            }
        }

        /// <summary>
        /// A leading sign and the factors of a run of * and /, multiplied in one step: building −c·s·f
        /// pairwise would first distribute −c over a sum s, giving an equal but differently shaped
        /// product than the one the printer wrote.
        /// </summary>
        private Expr ParseProduct()
        {
            var factors = new List<Expr>();
            var negative = false;
            while (true)
            {
                if (Accept('-')) negative = !negative;
                else if (!Accept('+')) break;
            }

            if (negative) factors.Add(Expr.MinusOne);
            factors.Add(ParsePower());
            while (true)
            {
                if (Accept('*')) factors.Add(ParseUnary());
                else if (Accept('/')) factors.Add(Expr.Pow(ParseUnary(), Expr.MinusOne));
                else return Expr.Multiply(factors.ToArray());
            }
        }

        private Expr ParseUnary() => Accept('-') ? -ParseUnary() : Accept('+') ? ParseUnary() : ParsePower();

        private Expr ParsePower()
        {
            var b = ParsePrimary();
            return Accept('^') ? Expr.Pow(b, ParseUnary()) : b;
        }

        private Expr ParsePrimary()
        {
            SkipSpace();
            if (_pos >= _text.Length) throw Error("unexpected end of formula");
            var c = _text[_pos];
            if (Accept('('))
            {
                var inner = ParseSum();
                Expect(')');
                return inner;
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
            return Expr.Const(value);
        }

        private Expr ParseNameOrCall()
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
            if (_pos < _text.Length && _text[_pos] == '[')
            {
                var close = _text.IndexOf(']', _pos);
                if (close < 0) throw Error("unclosed '['");
                _pos = close + 1;
            }

            var name = _text.Substring(start, _pos - start).Replace(" ", "");
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] == '(') return ParseCall(name, start);
            return Expr.Var(name);
        }

        private Expr ParseCall(string name, int start)
        {
            Expect('(');
            var args = new List<Expr> { ParseSum() };
            while (Accept(',')) args.Add(ParseSum());
            Expect(')');

            var spellings = new List<FunctionSpelling>(FunctionCatalogue.NamedInInfix(name));
            if (spellings.Count == 0) throw Error("unknown function '" + name + "'", start);
            foreach (var spelling in spellings)
                if (spelling.Arity == args.Count) return spelling.Build(args);
            var arities = string.Join(" or ", spellings.ConvertAll(s => s.Arity.ToString(CultureInfo.InvariantCulture)).ToArray());
            throw Error($"{name} takes {arities} argument{(spellings.Count == 1 && spellings[0].Arity == 1 ? "" : "s")}", start);
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

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
        }

        private FormatException Error(string what, int? at = null) =>
            new FormatException($"{what} at position {(at ?? _pos) + 1} of \"{_text}\"");
    }
}
