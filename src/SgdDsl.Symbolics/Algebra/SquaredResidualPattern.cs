using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// ℓ = c·(f − y)² with a constant c &gt; 0 and a target variable y that f does not use. Sq(r), r^2 and
    /// r·r all have the canonical form r², so one pattern covers them: c·S² with S a sum holding ±y; then
    /// S = κ(y − f) with κ = ±1, so f = y − κS.
    /// </summary>
    public sealed class SquaredResidualPattern
    {
        private SquaredResidualPattern(Expr output, double scale, string target)
        {
            Output = output;
            Scale = scale;
            Target = target;
        }

        /// <summary>f.</summary>
        public Expr Output { get; }

        /// <summary>c &gt; 0.</summary>
        public double Scale { get; }

        /// <summary>The name of the target variable y.</summary>
        public string Target { get; }

        /// <summary>The pattern of <paramref name="loss"/> with y among <paramref name="targets"/>, or null if it has none.</summary>
        public static SquaredResidualPattern? Match(Expr loss, IEnumerable<string> targets)
        {
            var (scale, squared) = loss switch
            {
                Power p => (1.0, p),
                Product { Factors.Count: 1 } q when q.Factors[0] is Power p => (q.Coefficient, p),
                _ => (0.0, null),
            };
            if (squared == null || !(scale > 0) || !squared.Exponent.IsConstant(2.0) || !(squared.Base is Sum residual)) return null;

            foreach (var target in targets)
            {
                var y = Expr.Var(target);
                var kappa = residual.Terms.Where(t => t.Equals(y) || t is Product { Factors.Count: 1 } p && p.Factors[0].Equals(y))
                    .Select(t => t is Product p ? p.Coefficient : 1.0).SingleOrDefault();
                if (kappa != 1.0 && kappa != -1.0) continue;
                var output = y - kappa * residual;
                if (!Uses(output, target)) return new SquaredResidualPattern(output, scale, target);
            }

            return null;
        }

        private static bool Uses(Expr e, string variable) =>
            e is Variable v ? v.Name == variable : e.Children.Any(c => Uses(c, variable));
    }
}
