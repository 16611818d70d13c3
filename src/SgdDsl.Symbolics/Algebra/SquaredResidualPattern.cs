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
        private SquaredResidualPattern(Expr output, double scale, string target, IndexSymbol? outputIndex = null)
        {
            Output = output;
            Scale = scale;
            Target = target;
            OutputIndex = outputIndex;
        }

        /// <summary>The name of the free index of <see cref="Output"/> in the vector form (its range is K); null for the scalar form.</summary>
        public const string VectorIndexName = "k";

        /// <summary>f, or f_k for the vector form (free in <see cref="OutputIndex"/>).</summary>
        public Expr Output { get; }

        /// <summary>k, ranging over the K outputs, in the vector form; null in the scalar form.</summary>
        public IndexSymbol? OutputIndex { get; }

        /// <summary>c &gt; 0.</summary>
        public double Scale { get; }

        /// <summary>The name of the target variable y (the target array y in the vector form).</summary>
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
                if (!(Sign(residual, y) is { } kappa)) continue;
                var output = y - kappa * residual;
                if (!Uses(output, target)) return new SquaredResidualPattern(output, scale, target);
            }

            return null;
        }

        /// <summary>
        /// The vector form ℓ = c·Σ_k (f_k − y[k])² with a constant c &gt; 0 and y one of <paramref name="targets"/> (data
        /// arrays whose length is the range of the sum) that no f_k uses: f_k = y[k] − κ·S_k for the summand S_k² with ±y[k]
        /// among its terms, in the free index k (<see cref="VectorIndexName"/>). Null when the loss has no such form.
        /// </summary>
        public static SquaredResidualPattern? MatchVector(Expr loss, IEnumerable<(string Name, int Length)> targets)
        {
            var (scale, sum) = loss switch
            {
                IndexedSum r => (1.0, r),
                Product { Factors.Count: 1 } q when q.Factors[0] is IndexedSum r => (q.Coefficient, r),
                _ => (0.0, null),
            };
            if (sum == null || !(scale > 0) || !(sum.Body is Power { ConstantExponent: 2.0 } squared) || !(squared.Base is Sum residual)) return null;

            var k = sum.Bound;
            foreach (var (target, length) in targets)
            {
                if (length != k.Range) continue;
                var y = new Element(target, Affine.Of(k));
                if (!(Sign(residual, y) is { } kappa)) continue;
                var output = y - kappa * residual;
                if (ReadsArray(output, target)) continue;
                var index = new IndexSymbol(VectorIndexName, k.Range);
                return new SquaredResidualPattern(IndexSubstitution.Substitute(output, k, Affine.Of(index)), scale, target, index);
            }

            return null;
        }

        /// <summary>
        /// κ = ±1 when <paramref name="sum"/> holds the target <paramref name="y"/> exactly once with coefficient ±1, so
        /// sum = κ(y − f) for the f = y − κ·sum that does not contain that term; null otherwise.
        /// </summary>
        internal static double? Sign(Sum sum, Expr y)
        {
            var kappa = sum.Terms.Where(t => t.Equals(y) || t is Product { Factors.Count: 1 } p && p.Factors[0].Equals(y))
                .Select(t => t is Product p ? p.Coefficient : 1.0).SingleOrDefault();
            return kappa == 1.0 || kappa == -1.0 ? kappa : null;
        }

        internal static bool Uses(Expr e, string variable) =>
            e is Variable v ? v.Name == variable : e.Children.Any(c => Uses(c, variable));

        private static bool ReadsArray(Expr e, string array) =>
            e is Element el ? el.Array == array : e.Children.Any(c => ReadsArray(c, array));
    }
}
