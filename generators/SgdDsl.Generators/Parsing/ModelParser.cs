using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SgdDsl.Generators.Analysis;
using SgdDsl.Generators.Diagnostics;
using SgdDsl.Generators.Spec;

namespace SgdDsl.Generators.Parsing
{
    /// <summary>Reads one [SgdModel] class into a <see cref="ModelSpec"/>, or into the diagnostics that say why it cannot be.</summary>
    internal static class ModelParser
    {
        public const string ModelAttribute = "SgdDsl.SgdModelAttribute";

        /// <summary>Whether <paramref name="declaration"/> can declare a model: a class or a record class.</summary>
        public static bool IsModelKind(SyntaxNode declaration) =>
            declaration is ClassDeclarationSyntax || declaration.IsKind(SyntaxKind.RecordDeclaration);

        /// <summary>Whether <paramref name="declaration"/> is the part of a class or record that carries [SgdModel].</summary>
        public static bool CarriesModelAttribute(TypeDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellation) =>
            declaration.AttributeLists.SelectMany(l => l.Attributes)
                .Any(a => model.GetTypeInfo(a, cancellation).Type?.ToDisplayString() == ModelAttribute);
        private const string LossAttribute = "SgdDsl.LossAttribute";
        private const string ParamAttribute = "SgdDsl.ParamAttribute";
        private const string DataAttribute = "SgdDsl.DataAttribute";

        /// <summary>Largest parameter or data block: its dense Hessian block would already be far beyond memory.</summary>
        private const long MaxBlockSize = 100_000_000;

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellation) =>
            Parse((INamedTypeSymbol)context.TargetSymbol, (TypeDeclarationSyntax)context.TargetNode, context.SemanticModel, cancellation);

        /// <summary>Parses the [SgdModel] class <paramref name="type"/> declared (with the attribute) by <paramref name="declaration"/>.</summary>
        public static ParseResult Parse(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellation)
        {
            var diagnostics = new List<DiagnosticInfo>();
            ModelSpec? spec;
            try
            {
                spec = TryParse(type, declaration, model, diagnostics, cancellation);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // The generator never breaks a build with an exception; it says what failed instead.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, declaration.Identifier.GetLocation(), type.Name, e.Message));
                spec = null;
            }

            return new ParseResult(spec, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        private static ModelSpec? TryParse(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel semanticModel, List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
        {
            var where = declaration.Identifier.GetLocation();

            if (type.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericModel, where, type.Name));
                return null;
            }

            var containing = ContainingTypes(declaration, diagnostics);
            if (containing == null) return null;

            if (Array.IndexOf(GeneratedMembers.Names, type.Name) >= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedModelName, where, type.Name, GeneratedMembers.List));
                return null;
            }

            foreach (var member in UserMembers(type, cancellation))
                if (Array.IndexOf(GeneratedMembers.Names, member.Name) >= 0)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName, member.Locations[0], member.Name, GeneratedMembers.List));
            if (HasErrors(diagnostics)) return null;

            var losses = type.GetMembers().OfType<IMethodSymbol>().Where(m => HasAttribute(m, LossAttribute)).ToList();
            if (losses.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLoss, where, type.Name));
                return null;
            }

            if (losses.Count > 1)
            {
                foreach (var extra in losses.Skip(1))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateLoss, extra.Locations[0], type.Name));
                return null;
            }

            var loss = losses[0];
            if (!loss.IsStatic || loss.ReturnType.SpecialType != SpecialType.System_Double)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLossSignature, loss.Locations[0], loss.Name));
                return null;
            }

            var parameters = new List<Block>();
            var samples = new List<Block>();
            var blocks = new Dictionary<IParameterSymbol, Block>(SymbolEqualityComparer.Default);
            foreach (var p in loss.Parameters)
            {
                var isParam = HasAttribute(p, ParamAttribute);
                var target = isParam ? parameters : samples;
                var shape = DeclaredShape(p, isParam, diagnostics);
                if (shape == null) continue;
                var block = new Block(p.Name, new EquatableArray<int>(shape), target.Sum(b => b.Size));
                target.Add(block);
                blocks[p] = block;
            }

            if (HasErrors(diagnostics)) return null;
            if (parameters.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoParameters, loss.Locations[0], loss.Name));
                return null;
            }

            var method = loss.DeclaringSyntaxReferences[0].GetSyntax(cancellation) as MethodDeclarationSyntax;
            if (method == null) return null;
            var model = method.SyntaxTree == semanticModel.SyntaxTree
                ? semanticModel
                : semanticModel.Compilation.GetSemanticModel(method.SyntaxTree);
            var expression = new LossTranslator(model, loss, blocks, diagnostics, cancellation).TranslateBody(method);
            if (expression == null || HasErrors(diagnostics)) return null;
            var residual = SquaredResidualDetector.Detect(expression, new EquatableArray<Block>(samples.ToArray()));
            LossChecks.Report(expression, loss, blocks, residual, diagnostics);
            DerivativeExpectations.Check(expression, loss, parameters, samples, diagnostics);
            if (HasErrors(diagnostics)) return null;

            return new ModelSpec(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                containing.Value,
                Keyword(declaration),
                type.Name,
                new EquatableArray<Block>(parameters.ToArray()),
                new EquatableArray<Block>(samples.ToArray()),
                expression,
                residual,
                IsReachableFromAssembly(type));
        }

        /// <summary>Whether code anywhere in the assembly can name <paramref name="type"/> (no private or protected type on its path).</summary>
        private static bool IsReachableFromAssembly(INamedTypeSymbol type)
        {
            for (var t = type; t != null; t = t.ContainingType)
                if (t.DeclaredAccessibility != Accessibility.Public && t.DeclaredAccessibility != Accessibility.Internal &&
                    t.DeclaredAccessibility != Accessibility.ProtectedOrInternal && t.DeclaredAccessibility != Accessibility.NotApplicable)
                    return false;
            return true;
        }

        /// <summary>
        /// The members the user declared (in any part, including a record's positional properties), not those of the
        /// part SgdDsl generated: an analyzer sees the compilation with that part, the generator without it.
        /// </summary>
        private static IEnumerable<ISymbol> UserMembers(INamedTypeSymbol type, CancellationToken cancellation) =>
            type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m.Locations.Length > 0 && m.Locations[0].IsInSource &&
                !IsGeneratedBySgdDsl(m.Locations[0].SourceTree!, cancellation));

        private static bool IsGeneratedBySgdDsl(SyntaxTree tree, CancellationToken cancellation) =>
            tree.GetRoot(cancellation).GetLeadingTrivia().ToFullString().Contains(GeneratedMembers.Banner);

        /// <summary>The chain of types around the model, outermost first; null after reporting one that is not partial or is file-local.</summary>
        private static EquatableArray<ContainingType>? ContainingTypes(TypeDeclarationSyntax declaration, List<DiagnosticInfo> diagnostics)
        {
            var chain = new List<ContainingType>();
            for (SyntaxNode? node = declaration; node is TypeDeclarationSyntax t; node = node.Parent)
            {
                if (!t.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelNotPartial, t.Identifier.GetLocation(), t.Identifier.Text));
                    return null;
                }

                if (t.Modifiers.Any(SyntaxKind.FileKeyword))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalModel, t.Identifier.GetLocation(), t.Identifier.Text));
                    return null;
                }

                if (t != declaration) chain.Insert(0, new ContainingType(Keyword(t), t.Identifier.Text));
            }

            return new EquatableArray<ContainingType>(chain.ToArray());
        }

        /// <summary>The modifiers and keyword a partial redeclaration needs, e.g. "static partial class".</summary>
        private static string Keyword(TypeDeclarationSyntax t)
        {
            var keyword = t is RecordDeclarationSyntax r ? ("record " + r.ClassOrStructKeyword.Text).Trim() : t.Keyword.Text;
            return (t.Modifiers.Any(SyntaxKind.StaticKeyword) ? "static " : "") + "partial " + keyword;
        }

        /// <summary>
        /// The shape a loss parameter declares: [] for a double, [n] for double[] or ReadOnlySpan&lt;double&gt;
        /// with [Param(n)]/[Data(n)], [m, n] for double[,] with [Param(m, n)]/[Data(m, n)]; null after reporting a mismatch.
        /// </summary>
        private static int[]? DeclaredShape(IParameterSymbol p, bool isParam, List<DiagnosticInfo> diagnostics)
        {
            var attribute = p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == (isParam ? ParamAttribute : DataAttribute));
            var shape = attribute?.ConstructorArguments.Select(a => a.Value is int n ? n : 0).ToArray() ?? new int[0];
            var rank = p.Type switch
            {
                { SpecialType: SpecialType.System_Double } => 0,
                IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Double } array => array.Rank,
                INamedTypeSymbol { Name: "ReadOnlySpan", TypeArguments.Length: 1 } span when span.TypeArguments[0].SpecialType == SpecialType.System_Double => 1,
                _ => -1,
            };
            string? problem = null;
            if (rank < 0 || rank > 2 || p.RefKind != RefKind.None || p.IsParams)
                problem = "loss parameters must be double, double[], ReadOnlySpan<double> or double[,] (no ref, out, in or params)";
            else if (shape.Length != rank)
                problem = rank == 0 ? "a scalar takes no shape" : $"a rank-{rank} array needs its shape, e.g. [{(isParam ? "Param" : "Data")}({(rank == 1 ? "n" : "m, n")})]";
            else if (shape.Any(n => n < 1))
                problem = "every dimension of a shape must be at least 1";
            else if (shape.Aggregate(1L, (n, s) => n * s) > MaxBlockSize)
                problem = $"a block may hold at most {MaxBlockSize} values";
            if (problem == null) return shape;

            var location = attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? p.Locations[0];
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameterType, rank < 0 ? p.Locations[0] : location, p.Name, p.Type.ToDisplayString(), problem));
            return null;
        }

        private static bool HasErrors(List<DiagnosticInfo> diagnostics) => diagnostics.Any(d => DiagnosticDescriptors.IsError(d.Id));

        private static bool HasAttribute(ISymbol symbol, string name) =>
            symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == name);
    }
}
