using System.Linq;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Analysis
{
    /// <summary>
    /// ℓ = c·(f − y)² or c·Σ_k (f_k − y[k])²: the output f (free in <see cref="OutputIndex"/> for the vector form), the
    /// constant c &gt; 0, and the positions of the K targets in a sample.
    /// </summary>
    internal sealed record SquaredResidual(Expr Output, double Scale, EquatableArray<int> Targets, IndexSymbol? OutputIndex)
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
            if (vector == null) return null;
            var y = vectors.First(b => b.Name == vector.Target);
            return new SquaredResidual(vector.Output, vector.Scale, new EquatableArray<int>(Enumerable.Range(y.Offset, y.Shape[0]).ToArray()), vector.OutputIndex);
        }
    }
}
