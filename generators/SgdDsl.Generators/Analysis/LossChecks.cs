using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SgdDsl.Generators.Diagnostics;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Analysis
{
    /// <summary>What the theory needs of a loss that the compiler can check: every parameter used, ℓ ≥ 0, and whether the fast path applies.</summary>
    internal static class LossChecks
    {
        public static void Report(Expr loss, IMethodSymbol method, Dictionary<IParameterSymbol, Block> blocks, SquaredResidual? residual, List<DiagnosticInfo> diagnostics)
        {
            var used = LeafNames.All(loss);
            foreach (var pair in blocks.Where(b => b.Key.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "SgdDsl.ParamAttribute")))
                if (!used.Contains(pair.Value.Name))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusedParameter, pair.Key.Locations[0], pair.Key.Name));

            if (!SignAnalysis.IsNonNegative(loss))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MaybeNegative, method.Locations[0], method.ContainingType.Name));
            if (residual == null)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotSquaredResidual, method.Locations[0], method.ContainingType.Name));
        }
    }
}
