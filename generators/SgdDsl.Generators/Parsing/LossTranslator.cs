using System.Collections.Generic;
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
        private static readonly HashSet<string> MathFunctions = new HashSet<string> { "Exp", "Log", "Sqrt", "Pow", "Sin", "Cos", "Tan", "Tanh", "Atan" };
        private static readonly HashSet<string> DslFunctions = new HashSet<string>(MathFunctions) { "Sq", "Cube", "Sigmoid", "Softplus", "LogCosh" };

        private readonly SemanticModel _model;
        private readonly IMethodSymbol _loss;
        private readonly Dictionary<ISymbol, Expr> _locals = new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default);
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly CancellationToken _cancellation;

        public LossTranslator(SemanticModel model, IMethodSymbol loss, List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
        {
            _model = model;
            _loss = loss;
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

        private Expr? Translate(ExpressionSyntax node)
        {
            _cancellation.ThrowIfCancellationRequested();
            var constant = _model.GetConstantValue(node, _cancellation);
            if (constant.HasValue && TryToDouble(constant.Value, out var c)) return Expr.Const(c);

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

            var left = Translate(b.Left);
            var right = Translate(b.Right);
            if (left == null || right == null) return null;
            switch (kind)
            {
                case SyntaxKind.AddExpression: return left + right;
                case SyntaxKind.SubtractExpression: return left - right;
                case SyntaxKind.MultiplyExpression: return left * right;
                default: return left / right;
            }
        }

        private Expr? TranslateName(IdentifierNameSyntax id)
        {
            var symbol = _model.GetSymbolInfo(id, _cancellation).Symbol;
            if (symbol is IParameterSymbol p && SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, _loss)) return Expr.Var(p.Name);
            if (symbol != null && _locals.TryGetValue(symbol, out var local)) return local;
            return Unsupported(id, symbol is IFieldSymbol ? "only const fields may be used" : "a loss may only use its own parameters, locals and constants");
        }

        private Expr? TranslateCall(InvocationExpressionSyntax call)
        {
            var method = _model.GetSymbolInfo(call, _cancellation).Symbol as IMethodSymbol;
            var container = method?.ContainingType?.ToDisplayString();
            var known = method != null &&
                ((container == "System.Math" || container == "double") && MathFunctions.Contains(method.Name) ||
                 container == "SgdDsl.Dsl" && DslFunctions.Contains(method.Name));
            if (!known) return Unsupported(call.Expression, "this function is not one SgdDsl can differentiate");

            var args = new List<Expr>();
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (argument.NameColon != null || argument.RefKindKeyword != default)
                    return Unsupported(argument, "arguments must be plain positional expressions");
                var value = Translate(argument.Expression);
                if (value == null) return null;
                args.Add(value);
            }

            return Build(method!.Name, args, call);
        }

        private Expr? Build(string name, List<Expr> args, InvocationExpressionSyntax call)
        {
            switch (name)
            {
                case "Pow" when args.Count == 2: return Expr.Pow(args[0], args[1]);
                case "Log" when args.Count == 2: return Expr.Apply(MathFunction.Log, args[0]) / Expr.Apply(MathFunction.Log, args[1]);
                case "Sqrt" when args.Count == 1: return Expr.Pow(args[0], 0.5);
                case "Sq" when args.Count == 1: return Expr.Pow(args[0], 2.0);
                case "Cube" when args.Count == 1: return Expr.Pow(args[0], 3.0);
            }

            if (args.Count == 1 && System.Enum.TryParse<MathFunction>(name, out var f)) return Expr.Apply(f, args[0]);
            return Unsupported(call, "this overload is not supported");
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
