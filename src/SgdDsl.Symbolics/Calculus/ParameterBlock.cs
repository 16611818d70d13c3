using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// One trained parameter of a loss: a scalar (empty shape) named by a <see cref="Variable"/>, or an array
    /// whose entries are <see cref="Element"/>s, stored row-major at <see cref="Offset"/> in θ.
    /// </summary>
    public sealed class ParameterBlock
    {
        public ParameterBlock(string name, IReadOnlyList<int> shape, int offset)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Shape = shape ?? throw new ArgumentNullException(nameof(shape));
            Offset = offset;
        }

        public string Name { get; }

        public IReadOnlyList<int> Shape { get; }

        /// <summary>Where the block's first value sits in θ.</summary>
        public int Offset { get; }

        public bool IsScalar => Shape.Count == 0;

        /// <summary>The number of values the block holds.</summary>
        public int Size => Shape.Aggregate(1, (n, s) => n * s);

        /// <summary>Stride of each dimension in the flattened (row-major) layout.</summary>
        public int Stride(int dimension) => Shape.Skip(dimension + 1).Aggregate(1, (n, s) => n * s);
    }
}
