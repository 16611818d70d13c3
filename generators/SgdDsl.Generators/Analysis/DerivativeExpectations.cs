using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SgdDsl.Generators.Diagnostics;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Analysis
{
    /// <summary>
    /// Checks [ExpectDerivative] and [ExpectHessian] on a loss: the expected formula is parsed with the
    /// symbolic engine and compared with the generator's own derivative, first symbolically (both multiplied
    /// out), then, if the symbols differ, by value at random points, so identities the simplifier does not
    /// know (sin² + cos² = 1) are still accepted.
    /// </summary>
    internal static class DerivativeExpectations
    {
        private static readonly Regex EntryName = new Regex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\[\s*(\d+)\s*(?:,\s*(\d+)\s*)?\]\s*$");

        public static void Check(Expr loss, IMethodSymbol method, IReadOnlyList<Block> parameters, IReadOnlyList<Block> samples, List<DiagnosticInfo> diagnostics)
        {
            foreach (var attribute in method.GetAttributes())
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                var args = attribute.ConstructorArguments.Select(a => a.Value as string).ToArray();
                var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? method.Locations[0];
                if (name == "SgdDsl.ExpectDerivativeAttribute" && args.Length == 2)
                    Compare(loss, new[] { args[0] }, args[1], location, parameters, samples, diagnostics);
                else if (name == "SgdDsl.ExpectHessianAttribute" && args.Length == 3)
                    Compare(loss, new[] { args[0], args[1] }, args[2], location, parameters, samples, diagnostics);
            }
        }

        private static void Compare(Expr loss, string?[] by, string? formula, Location location,
            IReadOnlyList<Block> parameters, IReadOnlyList<Block> samples, List<DiagnosticInfo> diagnostics)
        {
            var what = "∂" + (by.Length == 1 ? "" : "²") + "ℓ/" + string.Concat(by.Select(b => "∂" + b));
            Expr? expected;
            try
            {
                var blocks = parameters.Concat(samples).ToList();
                // Arrays are declared with their shapes, so W[0,1] is an entry and sum(j, 16, W[j,0]*x[j]) reads W by an index.
                var arrays = blocks.Where(b => !b.IsScalar).ToDictionary(b => b.Name, b => (IReadOnlyList<int>)b.Shape.ToArray());
                expected = formula == null ? null : ToEntries(InfixParser.Parse(formula, new InfixNames(arrays)), blocks);
            }
            catch (FormatException e)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadExpectation, location, what, e.Message));
                return;
            }

            var derivative = loss;
            foreach (var b in by)
            {
                var target = b == null ? null : Target(b, parameters);
                if (target == null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadExpectation, location, what,
                        $"'{b}' is not a parameter of the loss (parameters: {string.Join(", ", parameters.Select(p => p.Name))})"));
                    return;
                }

                derivative = target.Value.Subscripts == null
                    ? Differentiator.Differentiate(derivative, target.Value.Name)
                    : Differentiator.Differentiate(derivative, target.Value.Name, target.Value.Subscripts);
            }

            if (expected == null || Agree(derivative, expected, parameters.Concat(samples).ToList())) return;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivativeMismatch, location, what,
                InfixPrinter.Format(derivative), InfixPrinter.Format(expected)));
        }

        private static bool Agree(Expr actual, Expr expected, List<Block> blocks)
        {
            var difference = Expansion.Expand(actual - expected);
            if (difference != null && difference.IsConstant(0.0)) return true;

            // Backstop: equal values at scattered points in [0.5, 1.5) (away from 0, where logs and quotients
            // misbehave). A golden-ratio sequence stands in for random numbers: analyzers must be deterministic.
            var next = 0.0;
            double Scatter() => 0.5 + (next = (next + 0.6180339887498949) % 1.0);
            for (var trial = 0; trial < 8; trial++)
            {
                var values = new Dictionary<string, double[]>();
                foreach (var b in blocks) values[b.Name] = Enumerable.Range(0, b.Size).Select(_ => Scatter()).ToArray();
                double Element(string array, int[] s) => values[array][s.Length == 1 ? s[0] : s[0] * blocks.First(b => b.Name == array).Shape[1] + s[1]];
                var a = Evaluator.Evaluate(actual, v => values[v][0], Element);
                var e = Evaluator.Evaluate(expected, v => values[v][0], Element);
                // 1e-9 relative: far above the rounding of either formula, far below any real discrepancy.
                if (!(Math.Abs(a - e) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(e))))) return false;
            }

            return true;
        }

        /// <summary>A parameter name such as "a" or an array entry such as "W[0,1]".</summary>
        private static (string Name, Affine[]? Subscripts)? Target(string text, IReadOnlyList<Block> parameters)
        {
            var scalar = parameters.FirstOrDefault(p => p.IsScalar && p.Name == text.Trim());
            if (scalar != null) return (scalar.Name, null);
            var m = EntryName.Match(text);
            if (!m.Success) return null;
            var block = parameters.FirstOrDefault(p => p.Name == m.Groups[1].Value);
            var subscripts = m.Groups.Cast<Group>().Skip(2).Where(g => g.Success).Select(g => int.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
            if (block == null || block.Shape.Count != subscripts.Length || subscripts.Where((s, k) => s >= block.Shape[k]).Any()) return null;
            return (block.Name, subscripts.Select(Affine.Of).ToArray());
        }

        /// <summary>Turns parsed names like "W[0,1]" into array entries of the loss's blocks, and refuses a name that is neither.</summary>
        private static Expr ToEntries(Expr e, List<Block> blocks)
        {
            switch (e)
            {
                case Variable v:
                    var m = EntryName.Match(v.Name);
                    var block = m.Success ? blocks.FirstOrDefault(b => b.Name == m.Groups[1].Value && !b.IsScalar) : null;
                    if (block != null)
                        return new Element(block.Name, m.Groups.Cast<Group>().Skip(2).Where(g => g.Success)
                            .Select(g => Affine.Of(int.Parse(g.Value, CultureInfo.InvariantCulture))).ToArray());
                    if (!blocks.Any(b => b.IsScalar && b.Name == v.Name))
                        throw new FormatException($"'{v.Name}' is not a parameter or data value of the loss");
                    return v;
                case Sum s: return Expr.Add(s.Children.Select(c => ToEntries(c, blocks)).ToArray());
                case Product p: return Expr.Multiply(p.Children.Select(c => ToEntries(c, blocks)).ToArray());
                case Power w: return Expr.Pow(ToEntries(w.Base, blocks), ToEntries(w.Exponent, blocks));
                case FunctionCall f: return Expr.Apply(f.Function, ToEntries(f.Argument, blocks));
                default:
                    // Inside sums and products over an index the parser has built entries already; only unknown names remain to refuse.
                    foreach (var child in e.Children) ToEntries(child, blocks);
                    return e;
            }
        }
    }
}
