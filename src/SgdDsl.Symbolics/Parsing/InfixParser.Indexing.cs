using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>The indexed part of the infix language: names, subscripts, sum/prod over an index and delta.</summary>
    public sealed partial class InfixParser
    {
        private readonly InfixNames _declared;
        private readonly List<string> _order = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>();
        private readonly Dictionary<string, SubscriptedName> _subscripted = new Dictionary<string, SubscriptedName>();

        /// <summary>The indices of the sums and products around the text being read, innermost last.</summary>
        private readonly List<KeyValuePair<string, IndexSymbol>> _scope = new List<KeyValuePair<string, IndexSymbol>>();

        private void Note(string name)
        {
            if (_seen.Add(name)) _order.Add(name);
        }

        /// <summary>A bare name: a scalar, never an array or an index.</summary>
        private Expr Scalar(string name, int start)
        {
            if (Index(name) != null) throw Error($"index '{name}' can only be used in a subscript, such as x[{name}]", start);
            if (_declared.Arrays.TryGetValue(name, out var shape))
                throw Error($"'{name}' is an array of shape [{string.Join(",", shape)}]: give its subscripts, such as {name}[{string.Join(", ", shape.Select((_, k) => "i" + k))}]", start);
            Note(name);
            return Expr.Var(name);
        }

        /// <summary>
        /// <c>W[j, k + 1]</c>: an entry of a declared array, checked against its shape; otherwise, with integer subscripts
        /// only, the scalar of that flattened name (<c>x[0,1]</c>, spaces dropped).
        /// </summary>
        private Expr ParseSubscripted(string name, int start)
        {
            var bracket = _pos;
            if (_text.IndexOf(']', bracket) < 0) throw Error("unclosed '['", bracket);
            Expect('[');
            var subscripts = new List<Affine>();
            var positions = new List<int>();
            var texts = new List<string>();
            do
            {
                positions.Add(Here());
                subscripts.Add(ParseAffine());
                texts.Add(_text.Substring(positions[positions.Count - 1], _pos - positions[positions.Count - 1]).Trim());
            }
            while (Accept(','));
            Expect(']');

            if (_declared.Arrays.TryGetValue(name, out var shape))
            {
                if (subscripts.Count != shape.Count)
                    throw Error($"'{name}' has {Count(shape.Count, "dimension")} (shape [{string.Join(",", shape)}]) but {Count(subscripts.Count, "subscript")} {(subscripts.Count == 1 ? "is" : "are")} given", start);
                for (var k = 0; k < shape.Count; k++)
                {
                    var s = subscripts[k];
                    if (s.Min < 0 || s.Max >= shape[k])
                        throw Error($"subscript '{texts[k]}' of '{name}' {Range(s)}, outside 0 … {shape[k] - 1} (shape [{string.Join(",", shape)}])", positions[k]);
                }

                Note(name);
                return new Element(name, subscripts.ToArray());
            }

            if (!_subscripted.TryGetValue(name, out var use)) _subscripted[name] = use = new SubscriptedName(name, subscripts.Count, start);
            else if (use.Dimensions != subscripts.Count)
                throw Error($"'{name}' is written with {Count(use.Dimensions, "subscript")} at position {use.Position + 1} but with {subscripts.Count} here", start);
            use.Include(subscripts);

            if (subscripts.All(s => s.IsConstant))
            {
                var flat = name + "[" + string.Join(",", subscripts.Select(s => s.Constant.ToString(CultureInfo.InvariantCulture))) + "]";
                Note(flat);
                return Expr.Var(flat);
            }

            if (!_declared.AllowUndeclaredArrays)
            {
                var index = subscripts.SelectMany(s => s.Indices).First();
                throw Error($"'{name}' is subscripted by index '{NameOf(index)}' but is not a declared array: give its shape", start);
            }

            Note(name);
            return new Element(name, subscripts.ToArray());
        }

        /// <summary><c>sum(j, 16, body)</c> or <c>prod(j, 16, body)</c>: Σ or Π of body over j = 0 … 15.</summary>
        private Expr ParseReduction(bool isSum, int start)
        {
            var what = isSum ? "sum" : "prod";
            Expect('(');
            var at = Here();
            var name = _pos < _text.Length && (char.IsLetter(_text[_pos]) || _text[_pos] == '_') ? Identifier() : "";
            if (name.Length == 0) throw Error($"{what} takes an index name, a count and a body, such as {what}(j, 16, x[j])", at);
            if (Index(name) != null) throw Error($"index '{name}' is already in use here; give this {what} another name", at);
            Expect(',');
            var countAt = Here();
            var count = Integer($"the count of {what}");
            if (count < 1) throw Error($"the count of {what} must be at least 1, not {count}", countAt);
            Expect(',');

            var index = new IndexSymbol(name + "`" + _scope.Count, (int)count);
            _scope.Add(new KeyValuePair<string, IndexSymbol>(name, index));
            var body = Nested(start, ParseSum);
            _scope.RemoveAt(_scope.Count - 1);
            Expect(')');
            var e = isSum ? IndexedSum.Build(index, body) : IndexedProduct.Build(index, body);
            return FiniteCall(e, new List<Expr> { body }, start);
        }

        /// <summary><c>delta(p - i0)</c>: 1 where the affine argument is 0, else 0.</summary>
        private Expr ParseDelta(int start)
        {
            Expect('(');
            return Delta.Of(Closed(start, ParseAffine), Affine.Of(0));
        }

        /// <summary>A subscript: integers and indices combined by +, −, integer multiples and parentheses.</summary>
        private Affine ParseAffine()
        {
            var sum = ParseAffineTerm();
            while (true)
            {
                if (Accept('+')) sum += ParseAffineTerm();
                else if (Accept('-')) sum -= ParseAffineTerm();
                else return sum;
            }
        }

        private Affine ParseAffineTerm()
        {
            var negative = AcceptSigns();
            var term = ParseAffineFactor();
            while (true)
            {
                var at = Here();
                if (!Accept('*')) break;
                var factor = ParseAffineFactor();
                if (term.IsConstant) term = term.Constant * factor;
                else if (factor.IsConstant) term = factor.Constant * term;
                else throw Error("a subscript must be affine in the indices: it cannot multiply two of them", at);
            }

            return negative ? -term : term;
        }

        private Affine ParseAffineFactor()
        {
            var start = Here();
            if (_pos >= _text.Length) throw Error("unexpected end of formula");
            var c = _text[_pos];
            if (Accept('('))
            {
                return Closed(start, ParseAffine);
            }

            if (char.IsDigit(c)) return Affine.Of((int)Integer("a subscript"));
            if (char.IsLetter(c) || c == '_')
            {
                var name = Identifier();
                return Affine.Of(Index(name) ?? throw Error($"unknown index '{name}' in a subscript (indices are bound by sum(…) and prod(…))", start));
            }

            throw Error("expected an index or a whole number in a subscript, not '" + c + "'");
        }

        /// <summary>A whole number (digits only) that fits an int.</summary>
        private long Integer(string what)
        {
            var start = Here();
            while (_pos < _text.Length && char.IsDigit(_text[_pos])) _pos++;
            if (_pos < _text.Length && (_text[_pos] == '.' || char.IsLetter(_text[_pos])) || _pos == start)
            {
                while (_pos < _text.Length && _text[_pos] != ',' && _text[_pos] != ')' && _text[_pos] != ']' && !char.IsWhiteSpace(_text[_pos])) _pos++;
                throw Error($"{what} must be a whole number, not '{_text.Substring(start, _pos - start)}'", start);
            }

            var token = _text.Substring(start, _pos - start);
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                throw Error($"{what} '{token}' is too large (at most {int.MaxValue})", start);
            return value;
        }

        /// <summary>The index a name stands for here: the innermost sum's or product's of that name, else a declared free index.</summary>
        private IndexSymbol? Index(string name)
        {
            for (var k = _scope.Count - 1; k >= 0; k--)
                if (_scope[k].Key == name) return _scope[k].Value;
            return _declared.FreeIndex(name);
        }

        private string NameOf(IndexSymbol index)
        {
            foreach (var entry in _scope)
                if (entry.Value.Equals(index)) return entry.Key;
            return index.Name;
        }

        private static string Range(Affine s) => s.Min == s.Max ? "is " + s.Min.ToString(CultureInfo.InvariantCulture) : $"takes values {s.Min} … {s.Max}";

        private static string Count(int n, string what) => n + " " + what + (n == 1 ? "" : "s");
    }
}
