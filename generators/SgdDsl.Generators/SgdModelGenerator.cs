using System;
using Microsoft.CodeAnalysis;
using SgdDsl.Generators.Diagnostics;
using SgdDsl.Generators.Emission;
using SgdDsl.Generators.Parsing;
using SgdDsl.Generators.Spec;

namespace SgdDsl.Generators
{
    /// <summary>
    /// For each [SgdModel] class: parse the [Loss] method into a symbolic expression (Parsing),
    /// differentiate it into loop programs (Derivatives) and print them as exact Value/Gradient/Hessian/HVP
    /// code (Emission). A broken model generates nothing; <see cref="SgdModelAnalyzer"/> reports why, at
    /// real source locations.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SgdModelGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
        public const string ParseStep = "Parse", SpecStep = "Spec", ModelListStep = "ModelList";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider.ForAttributeWithMetadataName(
                    ModelParser.ModelAttribute,
                    predicate: static (node, _) => ModelParser.IsModelKind(node),
                    transform: static (ctx, cancellation) => ModelParser.Parse(ctx, cancellation))
                .WithTrackingName(ParseStep);

            var specs = models.Select(static (r, _) => r.Spec).WithTrackingName(SpecStep);
            context.RegisterSourceOutput(specs, static (spc, spec) =>
            {
                if (spec == null) return;
                try
                {
                    spc.AddSource(spec.HintName, ModelEmitter.Emit(spec, spc.CancellationToken));
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    // The generator never breaks a build with an exception; it says what failed instead.
                    spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, spec.ClassName, e.Message));
                }
            });

            // One list per assembly, from the specs alone: it changes only when a model is added, removed or renamed.
            var list = specs.Where(static s => s != null).Select(static (s, _) => new ModelListEntry(s!.QualifiedName, s.IsReachable))
                .Collect().WithTrackingName(ModelListStep);
            context.RegisterSourceOutput(list, static (spc, entries) =>
            {
                var source = ModelListEmitter.Emit(entries);
                if (source != null) spc.AddSource(ModelListEmitter.HintName, source);
            });
        }
    }
}
