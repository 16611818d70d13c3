using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SgdDsl.Generators.Diagnostics;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Parsing
{
    /// <summary>
    /// Translates the C# of a loss body into a symbolic expression. C# semantics win wherever they
    /// differ from real arithmetic: any subexpression the compiler folds to a constant (including
    /// integer division such as <c>1 / 2</c>) becomes that constant. Every construct outside the DSL
    /// becomes an SGD0001 diagnostic at its own span, never an exception.
    /// </summary>
    internal sealed class LossTranslator
    {
        private readonly SemanticModel _model;
        private readonly IMethodSymbol _loss;
        private readonly Dictionary<IParameterSymbol, Block> _blocks;
        private readonly Dictionary<ISymbol, Expr> _locals = new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, IndexSymbol> _indices = new Dictionary<ISymbol, IndexSymbol>(SymbolEqualityComparer.Default);
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly CancellationToken _cancellation;

        public LossTranslator(SemanticModel model, IMethodSymbol loss, Dictionary<IParameterSymbol, Block> blocks,
            List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
        {
            _model = model;
            _loss = loss;
            _blocks = blocks;
            _diagnostics = diagnostics;
            _cancellation = cancellation;
        }

        /// <summary>The loss as an expression, or null after reporting why it cannot be translated.</summary>
        public Expr? TranslateBody(MethodDeclarationSyntax method)
        {
            if (method.ExpressionBody != null) return Translate(method.ExpressionBody.Expression);
            if (method.Body == null)
            {
                Report(DiagnosticDescriptors.InvalidLossBody, method.Identifier.GetLocation(), _loss.Name, "it has no body");
                return null;
            }

            var statements = method.Body.Statements;
            for (var i = 0; i < statements.Count; i++)
            {
                var last = i == statements.Count - 1;
                switch (statements[i])
                {
                    case LocalDeclarationStatementSyntax local when !last:
                        if (!DeclareLocals(local)) return null;
                        break;
                    case ReturnStatementSyntax { Expression: { } value } when last:
                        return Translate(value);
                    default:
                        Report(DiagnosticDescriptors.InvalidLossBody, statements[i].GetLocation(), _loss.Name,
                            last ? "the last statement must be 'return <expression>;'" : "only local declarations may precede the return");
                        return null;
                }
            }

            Report(DiagnosticDescriptors.InvalidLossBody, method.Body.GetLocation(), _loss.Name, "the block has no return statement");
            return null;
        }

        private bool DeclareLocals(LocalDeclarationStatementSyntax statement)
        {
            if (statement.IsConst || statement.UsingKeyword != default)
            {
                Report(DiagnosticDescriptors.UnsupportedSyntax, statement.GetLocation(), Short(statement), "only plain 'var' or 'double' locals are allowed");
                return false;
            }

            foreach (var variable in statement.Declaration.Variables)
            {
                var symbol = _model.GetDeclaredSymbol(variable, _cancellation) as ILocalSymbol;
                if (symbol == null || variable.Initializer == null || symbol.Type.SpecialType != SpecialType.System_Double)
                {
                    Report(DiagnosticDescriptors.UnsupportedSyntax, variable.GetLocation(), Short(variable), "a loss local must be an initialized double");
                    return false;
                }

                var value = Translate(variable.Initializer.Value);
                if (value == null) return false;
                _locals[symbol] = value;
            }

            return true;
        }

        /// <summary>Deeper expressions are refused (<see cref="Nesting.MaxDepth"/>): the recursion of translation and simplification must not exhaust the compiler's stack.</summary>
        private int _depth;

        /// <summary>Whether the depth error was reported: it is reported once, at the first node too deep, not at each of its siblings.</summary>
        private bool _tooDeep;

        private Expr? Translate(ExpressionSyntax node)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (_depth >= Nesting.MaxDepth)
            {
                if (_tooDeep) return null;
                _tooDeep = true;
                return Unsupported(node, $"expressions nested more than {Nesting.MaxDepth} levels deep are not supported; split the loss into locals");
            }

            _depth++;
            try
            {
                return TranslateNode(node);
            }
            finally
            {
                _depth--;
            }
        }

        private Expr? TranslateNode(ExpressionSyntax node)
        {
            var constant = _model.GetConstantValue(node, _cancellation);
            if (constant.HasValue && TryToDouble(constant.Value, out var c)) return Finite(node, Expr.Const(c));

            switch (node)
            {
                case ParenthesizedExpressionSyntax p:
                    return Translate(p.Expression);
                case CastExpressionSyntax cast when IsDouble(cast.Type):
                    return Translate(cast.Expression);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Translate(u.Operand) is { } negated ? -negated : null;
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryPlusExpression):
                    return Translate(u.Operand);
                case BinaryExpressionSyntax b:
                    return TranslateBinary(b);
                case IdentifierNameSyntax id:
                    return TranslateName(id);
                case InvocationExpressionSyntax call:
                    return TranslateCall(call);
                case ElementAccessExpressionSyntax access:
                    return TranslateElement(access);
                default:
                    return Unsupported(node, "this kind of expression cannot be differentiated");
            }
        }

        private Expr? TranslateBinary(BinaryExpressionSyntax b)
        {
            var kind = b.Kind();
            if (kind != SyntaxKind.AddExpression && kind != SyntaxKind.SubtractExpression &&
                kind != SyntaxKind.MultiplyExpression && kind != SyntaxKind.DivideExpression)
                return Unsupported(b.OperatorToken, "only + - * / are supported");
            if (_model.GetTypeInfo(b, _cancellation).Type?.SpecialType != SpecialType.System_Double)
                return Unsupported(b, "arithmetic must be on doubles (integer arithmetic is only allowed in constants)");

            // C# parses a + b - c + d (or a * b / c) as a chain nested to the left, one node per operator: the chain is
            // one level, however long. It stops at a part C# folds to a constant or that is not double arithmetic,
            // which is translated (and checked) whole, as C# evaluates it.
            var additive = IsAdditive(kind);
            var chain = new List<BinaryExpressionSyntax>();
            ExpressionSyntax first = b;
            while (first is BinaryExpressionSyntax link && IsArithmetic(link.Kind()) && IsAdditive(link.Kind()) == additive &&
                   (chain.Count == 0 || IsDoubleArithmetic(link)))
            {
                chain.Add(link);
                first = link.Left;
            }

            var result = Translate(first);
            var failed = result == null;
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                var right = Translate(chain[i].Right);
                if (right == null || result == null)
                {
                    failed = true;
                    continue;
                }

                var link = chain[i];
                // x / 0 keeps 0^−1 unfolded inside a product whose own numbers are finite: the divisor is checked on its own.
                result = link.IsKind(SyntaxKind.DivideExpression) && Finite(link, Expr.Pow(right, Expr.MinusOne)) == null
                    ? null
                    : Finite(link, Combine(link.Kind(), result, right));
                failed |= result == null;
            }

            return failed ? null : result;
        }

        private static Expr Combine(SyntaxKind kind, Expr left, Expr right)
        {
            switch (kind)
            {
                case SyntaxKind.AddExpression: return left + right;
                case SyntaxKind.SubtractExpression: return left - right;
                case SyntaxKind.MultiplyExpression: return left * right;
                default: return left / right;
            }
        }

        private static bool IsArithmetic(SyntaxKind kind) =>
            kind == SyntaxKind.AddExpression || kind == SyntaxKind.SubtractExpression || kind == SyntaxKind.MultiplyExpression || kind == SyntaxKind.DivideExpression;

        private static bool IsAdditive(SyntaxKind kind) => kind == SyntaxKind.AddExpression || kind == SyntaxKind.SubtractExpression;

        /// <summary>A link of a chain: double arithmetic that C# does not fold to a constant.</summary>
        private bool IsDoubleArithmetic(BinaryExpressionSyntax link) =>
            !_model.GetConstantValue(link, _cancellation).HasValue &&
            _model.GetTypeInfo(link, _cancellation).Type?.SpecialType == SpecialType.System_Double;

        /// <summary><paramref name="value"/>, the translation of <paramref name="node"/>, or null after reporting a number folding made ±∞ or NaN.</summary>
        private Expr? Finite(SyntaxNode node, Expr value, IReadOnlyList<Expr>? operands = null)
        {
            var bad = operands == null ? FoldedConstants.NonFinite(value) : FoldedConstants.NonFiniteAbove(value, operands)?.Value;
            if (bad == null) return value;
            Report(DiagnosticDescriptors.NonFiniteConstant, node.GetLocation(), Short(node), FoldedConstants.Show(bad.Value));
            return null;
        }

        private Expr? TranslateName(IdentifierNameSyntax id)
        {
            var symbol = _model.GetSymbolInfo(id, _cancellation).Symbol;
            if (symbol != null && _indices.ContainsKey(symbol))
            {
                Report(DiagnosticDescriptors.IndexOutsideSubscript, id.GetLocation(), id.Identifier.Text);
                return null;
            }

            if (symbol is IParameterSymbol p && _blocks.TryGetValue(p, out var block))
            {
                if (block.IsScalar) return Expr.Var(p.Name);
                Report(DiagnosticDescriptors.ShapeMismatch, id.GetLocation(), $"'{p.Name}' is an array; use one entry, e.g. {p.Name}[{string.Join(", ", block.Shape.Select((_, k) => "jk"[k]))}], or a reduction such as Dot or Sum");
                return null;
            }

            if (symbol != null && _locals.TryGetValue(symbol, out var local)) return local;
            return Unsupported(id, symbol is IFieldSymbol ? "only const fields may be used" : "a loss may only use its own parameters, locals and constants");
        }

        private Expr? TranslateCall(InvocationExpressionSyntax call)
        {
            var method = _model.GetSymbolInfo(call, _cancellation).Symbol as IMethodSymbol;
            var container = method?.ContainingType?.ToDisplayString();
            if (container == "SgdDsl.Dsl" && method != null)
            {
                switch (method.Name)
                {
                    case "Sum": return TranslateReduction(call, isSum: true);
                    case "Prod": return TranslateReduction(call, isSum: false);
                    case "Dot": return TranslateDot(call);
                    case "SumOfSquares": return TranslateSumOfSquares(call);
                }
            }

            var scope = container == "System.Math" || container == "double" ? FunctionScope.Math
                : container == "SgdDsl.Dsl" ? FunctionScope.Dsl : FunctionScope.None;
            var spellings = method == null ? new List<FunctionSpelling>() : FunctionCatalogue.Named(method.Name, scope).ToList();
            if (spellings.Count == 0) return Unsupported(call.Expression, "this function is not one SgdDsl can differentiate");

            var args = new List<Expr>();
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (argument.NameColon != null || argument.RefKindKeyword != default)
                    return Unsupported(argument, "arguments must be plain positional expressions");
                var value = Translate(argument.Expression);
                if (value == null) return null;
                args.Add(value);
            }

            // Functions with kinks, jumps or infinite slopes: accepted, with a warning that the Hessian is undefined there.
            if (spellings.Any(s => !s.IsSmooth))
                Report(DiagnosticDescriptors.NotTwiceDifferentiable, call.Expression.GetLocation(), Short(call.Expression));
            var overload = spellings.FirstOrDefault(s => s.Arity == args.Count);
            return overload != null ? Finite(call, overload.Build(args), args) : Unsupported(call, "this overload is not supported");
        }

        /// <summary>Sum(n, j => body) or Prod(n, j => body) with a constant count n ≥ 1.</summary>
        private Expr? TranslateReduction(InvocationExpressionSyntax call, bool isSum)
        {
            var args = call.ArgumentList.Arguments;
            var what = isSum ? "Sum" : "Prod";
            var count = args.Count == 2 ? _model.GetConstantValue(args[0].Expression, _cancellation) : default;
            if (!(count.HasValue && count.Value is int n && n >= 1))
            {
                Report(DiagnosticDescriptors.ShapeMismatch, args.Count > 0 ? args[0].GetLocation() : call.GetLocation(),
                    $"the count of {what} must be a compile-time constant of at least 1, such as a const int");
                return null;
            }

            var lambda = args[1].Expression as LambdaExpressionSyntax;
            var parameter = lambda switch
            {
                SimpleLambdaExpressionSyntax simple => simple.Parameter,
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } p => p.ParameterList.Parameters[0],
                _ => null,
            };
            if (lambda?.ExpressionBody == null || parameter == null)
                return Unsupported(args[1], $"the body of {what} must be a lambda with one index and an expression body, such as j => x[j] * w[j]");

            var symbol = _model.GetDeclaredSymbol(parameter, _cancellation)!;
            var index = new IndexSymbol(parameter.Identifier.Text + "`" + _indices.Count, n);
            _indices[symbol] = index;
            var body = Translate(lambda.ExpressionBody);
            _indices.Remove(symbol);
            if (body == null) return null;
            return Finite(call, isSum ? IndexedSum.Build(index, body) : IndexedProduct.Build(index, body));
        }

        private Expr? TranslateDot(InvocationExpressionSyntax call)
        {
            var args = call.ArgumentList.Arguments;
            var a = args.Count == 2 ? Vector(args[0].Expression) : null;
            var b = args.Count == 2 ? Vector(args[1].Expression) : null;
            if (a == null || b == null) return null;
            if (a.Shape[0] != b.Shape[0])
            {
                Report(DiagnosticDescriptors.ShapeMismatch, call.ArgumentList.GetLocation(), $"Dot needs vectors of equal length, but '{a.Name}' has {a.Shape[0]} and '{b.Name}' has {b.Shape[0]}");
                return null;
            }

            var i = new IndexSymbol("i`dot", a.Shape[0]);
            return IndexedSum.Build(i, new Element(a.Name, Affine.Of(i)) * new Element(b.Name, Affine.Of(i)));
        }

        private Expr? TranslateSumOfSquares(InvocationExpressionSyntax call)
        {
            var args = call.ArgumentList.Arguments;
            var a = args.Count == 1 ? Vector(args[0].Expression) : null;
            if (a == null) return null;
            var i = new IndexSymbol("i`sq", a.Shape[0]);
            return IndexedSum.Build(i, Expr.Pow(new Element(a.Name, Affine.Of(i)), 2.0));
        }

        /// <summary>The vector a loss parameter names, or null after reporting why it is not one.</summary>
        private Block? Vector(ExpressionSyntax e)
        {
            if (e is IdentifierNameSyntax id && _model.GetSymbolInfo(id, _cancellation).Symbol is IParameterSymbol p &&
                _blocks.TryGetValue(p, out var block) && block.Shape.Count == 1)
                return block;
            Report(DiagnosticDescriptors.ShapeMismatch, e.GetLocation(), $"'{Short(e)}' must name a vector parameter of the loss (double[] or ReadOnlySpan<double>)");
            return null;
        }

        /// <summary>W[j, k + 1]: an entry of an array parameter, with affine subscripts checked against its shape.</summary>
        private Expr? TranslateElement(ElementAccessExpressionSyntax access)
        {
            var symbol = _model.GetSymbolInfo(access.Expression, _cancellation).Symbol as IParameterSymbol;
            if (symbol == null || !_blocks.TryGetValue(symbol, out var block) || block.IsScalar)
                return Unsupported(access.Expression, "only array parameters of the loss can be subscripted");
            var args = access.ArgumentList.Arguments;
            if (args.Count != block.Shape.Count)
            {
                Report(DiagnosticDescriptors.ShapeMismatch, access.ArgumentList.GetLocation(), $"'{block.Name}' has {block.Shape.Count} dimension(s) but {args.Count} subscript(s) were given");
                return null;
            }

            var subscripts = new Affine[args.Count];
            for (var k = 0; k < args.Count; k++)
            {
                var s = TranslateIndex(args[k].Expression);
                if (s == null) return null;
                if (s.Min < 0 || s.Max >= block.Shape[k])
                {
                    Report(DiagnosticDescriptors.SubscriptOutOfRange, args[k].GetLocation(), args[k].ToString(), block.Name,
                        s.Min.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        (block.Shape[k] - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return null;
                }

                subscripts[k] = s;
            }

            return new Element(block.Name, subscripts);
        }

        /// <summary>A subscript: integer constants and Sum/Prod indices combined by +, − and constant multiples.</summary>
        private Affine? TranslateIndex(ExpressionSyntax e)
        {
            var constant = _model.GetConstantValue(e, _cancellation);
            if (constant.HasValue && constant.Value is int c) return Affine.Of(c);
            switch (e)
            {
                case ParenthesizedExpressionSyntax p:
                    return TranslateIndex(p.Expression);
                case IdentifierNameSyntax id when _model.GetSymbolInfo(id, _cancellation).Symbol is { } s && _indices.TryGetValue(s, out var index):
                    return Affine.Of(index);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression):
                    return TranslateIndex(u.Operand) is { } negated ? -negated : null;
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression) || b.IsKind(SyntaxKind.SubtractExpression):
                    var left = TranslateIndex(b.Left);
                    var right = left == null ? null : TranslateIndex(b.Right);
                    if (left == null || right == null) return null;
                    return b.IsKind(SyntaxKind.AddExpression) ? left + right : left - right;
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.MultiplyExpression):
                    var factor = _model.GetConstantValue(b.Left, _cancellation);
                    var other = b.Right;
                    if (!(factor.HasValue && factor.Value is int))
                    {
                        factor = _model.GetConstantValue(b.Right, _cancellation);
                        other = b.Left;
                    }

                    if (factor.HasValue && factor.Value is int k) return TranslateIndex(other) is { } scaled ? k * scaled : null;
                    break;
            }

            Unsupported(e, "a subscript must be an integer constant or a Sum/Prod index, combined by +, - and constant multiples");
            return null;
        }

        private Expr? Unsupported(SyntaxNodeOrToken node, string why)
        {
            Report(DiagnosticDescriptors.UnsupportedSyntax, node.GetLocation()!, Short(node), why);
            return null;
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, params string[] args) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

        private static string Short(SyntaxNodeOrToken node)
        {
            var text = node.ToString();
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        private bool IsDouble(TypeSyntax type) => _model.GetTypeInfo(type, _cancellation).Type?.SpecialType == SpecialType.System_Double;

        private static bool TryToDouble(object? value, out double result)
        {
            switch (value)
            {
                case double d: result = d; return true;
                case float f: result = f; return true;
                case int i: result = i; return true;
                case long l: result = l; return true;
                case short s: result = s; return true;
                case byte b: result = b; return true;
                case decimal m: result = (double)m; return true;
                default: result = 0; return false;
            }
        }
    }
}
