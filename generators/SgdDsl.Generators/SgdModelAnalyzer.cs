using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SgdDsl.Generators.Diagnostics;
using SgdDsl.Generators.Parsing;

namespace SgdDsl.Generators
{
    /// <summary>
    /// Reports the SGD diagnostics of every [SgdModel] class. An analyzer, not the generator, reports them
    /// so that they carry real source locations: <c>#pragma warning disable SGDxxxx</c> and .editorconfig
    /// severities apply as to any other diagnostic. It runs the generator's own parser, so the two agree.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SgdModelAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.AllDescriptors;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(AnalyzeType, SyntaxKind.ClassDeclaration, SyntaxKind.RecordDeclaration);
        }

        private static void AnalyzeType(SyntaxNodeAnalysisContext context)
        {
            var declaration = (TypeDeclarationSyntax)context.Node;
            if (declaration.AttributeLists.Count == 0 || !ModelParser.CarriesModelAttribute(declaration, context.SemanticModel, context.CancellationToken)) return;
            if (!(context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is INamedTypeSymbol type)) return;

            var result = ModelParser.Parse(type, declaration, context.SemanticModel, context.CancellationToken);
            foreach (var info in result.Diagnostics)
            {
                var tree = context.SemanticModel.Compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == info.FilePath);
                var location = tree != null ? Location.Create(tree, info.Span) : Location.Create(info.FilePath, info.Span, info.LineSpan);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ById(info.Id), location, info.Arguments.Cast<object>().ToArray()));
            }
        }
    }
}
