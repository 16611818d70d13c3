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
            var used = Leaves(loss);
            foreach (var pair in blocks.Where(b => b.Key.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "SgdDsl.ParamAttribute")))
                if (!used.Contains(pair.Value.Name))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusedParameter, pair.Key.Locations[0], pair.Key.Name));

            if (!SignAnalysis.IsNonNegative(loss))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MaybeNegative, method.Locations[0], method.ContainingType.Name));
            if (residual == null)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotSquaredResidual, method.Locations[0], method.ContainingType.Name));
        }

        /// <summary>The names of the scalar variables and arrays <paramref name="e"/> reads.</summary>
        private static HashSet<string> Leaves(Expr e)
        {
            var names = new HashSet<string>();
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>();
            stack.Push(e);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (!seen.Add(x)) continue;
                if (x is Variable v) names.Add(v.Name);
                if (x is Element el) names.Add(el.Array);
                foreach (var child in x.Children) stack.Push(child);
            }

            return names;
        }
    }
}
