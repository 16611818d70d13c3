using System.Linq;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Analysis
{
    /// <summary>
    /// ℓ = c·(f − y)², c·Σ_k (f_k − y[k])², or (<see cref="Generalized"/>) φ(f − y) with φ(0) = φ'(0) = 0 &lt; φ''(0) = 2c:
    /// the output f (free in <see cref="OutputIndex"/> for the vector form), the
    /// constant c &gt; 0, and the positions of the K targets in a sample.
    /// </summary>
    internal sealed record SquaredResidual(Expr Output, double Scale, EquatableArray<int> Targets, IndexSymbol? OutputIndex, bool Generalized = false)
    {
        /// <summary>K, the number of outputs.</summary>
        public int OutputCount => Targets.Count;
    }

    /// <summary>
    /// Finds ℓ = c·(f − y)² with y one of the scalar data values, or its vector form with y a data vector
    /// (see <see cref="SquaredResidualPattern"/>).
    /// </summary>
    internal static class SquaredResidualDetector
    {
        public static SquaredResidual? Detect(Expr loss, EquatableArray<Block> samples)
        {
            var scalars = samples.Where(b => b.IsScalar).ToList();
            var pattern = SquaredResidualPattern.Match(loss, scalars.Select(b => b.Name));
            if (pattern != null)
                return new SquaredResidual(pattern.Output, pattern.Scale, new EquatableArray<int>(new[] { scalars.First(b => b.Name == pattern.Target).Offset }), null);
            var vectors = samples.Where(b => b.Shape.Count == 1).ToList();
            var vector = SquaredResidualPattern.MatchVector(loss, vectors.Select(b => (b.Name, b.Shape[0])));
            if (vector == null)
            {
                // ℓ = φ(f − y), φ(0) = φ'(0) = 0 < φ''(0): H = φ''(0)·∇f∇fᵀ at a zero-loss point, the form's 2c.
                var general = ResidualLoss.Match(loss, scalars.Select(b => b.Name));
                return general == null ? null
                    : new SquaredResidual(general.Output, general.Curvature / 2, new EquatableArray<int>(new[] { scalars.First(b => b.Name == general.Target).Offset }), null, Generalized: true);
            }
            var y = vectors.First(b => b.Name == vector.Target);
            return new SquaredResidual(vector.Output, vector.Scale, new EquatableArray<int>(Enumerable.Range(y.Offset, y.Shape[0]).ToArray()), vector.OutputIndex);
        }
    }
}
