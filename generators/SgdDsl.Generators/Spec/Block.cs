using System.Linq;

namespace SgdDsl.Generators.Spec
{
    /// <summary>
    /// One declared loss parameter: a scalar (empty shape), a vector or a matrix, stored row-major at
    /// <see cref="Offset"/> in θ (for [Param]) or in the sample (for data).
    /// </summary>
    internal sealed record Block(string Name, EquatableArray<int> Shape, int Offset)
    {
        public bool IsScalar => Shape.Count == 0;

        /// <summary>The number of values the block holds.</summary>
        public int Size => Shape.Aggregate(1, (n, s) => n * s);

        /// <summary>Stride of each dimension in the flattened (row-major) layout.</summary>
        public int Stride(int dimension) => Shape.Skip(dimension + 1).Aggregate(1, (n, s) => n * s);
    }
}
