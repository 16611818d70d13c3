using System.Linq;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Analysis
{
    /// <summary>ℓ = c·(f − y)²: the output f, the constant c &gt; 0, and y's position in a sample.</summary>
    internal sealed record SquaredResidual(Expr Output, double Scale, int TargetIndex);

    /// <summary>
    /// Recognizes ℓ = c·(f − y)² in the canonical loss. Sq(r), Math.Pow(r, 2) and r·r all simplify to
    /// the power r², so one pattern covers them: c·S² with S a sum holding ±y for a scalar data value y
    /// that appears nowhere else; then f = y ∓ S.
    /// </summary>
    internal static class SquaredResidualDetector
    {
        public static SquaredResidual? Detect(Expr loss, EquatableArray<Block> samples)
        {
            var (scale, squared) = loss switch
            {
                Power p => (1.0, p),
                Product { Factors.Count: 1 } q when q.Factors[0] is Power p => (q.Coefficient, p),
                _ => (0.0, null),
            };
            if (squared == null || !(scale > 0) || !squared.Exponent.IsConstant(2.0) || !(squared.Base is Sum residual)) return null;

            foreach (var target in samples.Where(b => b.IsScalar))
            {
                var y = Expr.Var(target.Name);
                var kappa = residual.Terms.Where(t => t.Equals(y) || t is Product { Factors.Count: 1 } p && p.Factors[0].Equals(y))
                    .Select(t => t is Product p ? p.Coefficient : 1.0).SingleOrDefault();
                if (kappa != 1.0 && kappa != -1.0) continue;
                // S = κ(y − f), so f = y − κS; f must not depend on y.
                var output = y - kappa * residual;
                if (!Uses(output, target.Name)) return new SquaredResidual(output, scale, target.Offset);
            }

            return null;
        }

        private static bool Uses(Expr e, string variable) =>
            e is Variable v ? v.Name == variable : e.Children.Any(c => Uses(c, variable));
    }
}
