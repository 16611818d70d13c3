using System.Linq;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Analysis
{
    /// <summary>ℓ = c·(f − y)²: the output f, the constant c &gt; 0, and y's position in a sample.</summary>
    internal sealed record SquaredResidual(Expr Output, double Scale, int TargetIndex);

    /// <summary>Finds ℓ = c·(f − y)² with y one of the scalar data values (see <see cref="SquaredResidualPattern"/>).</summary>
    internal static class SquaredResidualDetector
    {
        public static SquaredResidual? Detect(Expr loss, EquatableArray<Block> samples)
        {
            var scalars = samples.Where(b => b.IsScalar).ToList();
            var pattern = SquaredResidualPattern.Match(loss, scalars.Select(b => b.Name));
            return pattern == null ? null : new SquaredResidual(pattern.Output, pattern.Scale, scalars.First(b => b.Name == pattern.Target).Offset);
        }
    }
}
