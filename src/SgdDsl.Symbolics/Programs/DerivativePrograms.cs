using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace SgdDsl.Symbolics
{
    /// <summary>The output families of one method (Value, Gradient, …) and the loop program that computes them.</summary>
    public sealed class MethodProgram
    {
        internal MethodProgram(IReadOnlyList<OutputFamily> families, bool transposedSums)
        {
            Families = families;
            Program = LoopScheduler.Schedule(DeltaCases.Split(families), transposedSums);
        }

        public IReadOnlyList<OutputFamily> Families { get; }

        public LoopProgram Program { get; }
    }

    /// <summary>
    /// A loss's derivative set and the loop program of every method a loss model has (Value, Gradient,
    /// Hessian, HessianVectorProduct, and for a squared-residual loss its outputs and their derivatives):
    /// the one derivative pipeline that the generator prints as C# and formula models compile at run time.
    /// Output arrays are named <c>gradient</c>, <c>hessian</c>, <c>result</c>, <c>outputs</c> and <c>jacobian</c>.
    /// </summary>
    public sealed class DerivativePrograms
    {
        private DerivativePrograms(DerivativeSet derivatives, MethodProgram value, MethodProgram gradient, MethodProgram hessian,
            MethodProgram hessianVector, ResidualPrograms? residual)
        {
            Derivatives = derivatives;
            Value = value;
            Gradient = gradient;
            Hessian = hessian;
            HessianVectorProduct = hessianVector;
            Residual = residual;
        }

        public DerivativeSet Derivatives { get; }

        /// <summary>ℓ, returned.</summary>
        public MethodProgram Value { get; }

        /// <summary>∂ℓ/∂θ into <c>gradient</c>, then ℓ returned.</summary>
        public MethodProgram Gradient { get; }

        /// <summary>∇²ℓ into <c>hessian</c>, each entry of a symmetric pair written once per computation.</summary>
        public MethodProgram Hessian { get; }

        /// <summary>(∇²ℓ) v into <c>result</c>.</summary>
        public MethodProgram HessianVectorProduct { get; }

        /// <summary>The outputs of ℓ = c·(f − y)² or c·Σ_k (f_k − y[k])², or null for any other loss.</summary>
        public ResidualPrograms? Residual { get; }

        /// <summary>
        /// The programs of <paramref name="loss"/> in the parameters <paramref name="blocks"/> (θ of
        /// <paramref name="parameterCount"/> values); <paramref name="residualOutput"/> is f of ℓ = c·(f − y)², or f_k
        /// free in <paramref name="outputIndex"/> for ℓ = c·Σ_k (f_k − y[k])², or null. With
        /// <paramref name="transposedSums"/>, a sum that would read a matrix across its rows (a layer's adjoint Uᵀδ) is
        /// accumulated along them, row by row, with <see cref="TableAccumulate"/> statements; consumers that print or
        /// compile programs must then handle that statement.
        /// </summary>
        public static DerivativePrograms Compute(IReadOnlyList<ParameterBlock> blocks, int parameterCount, Expr loss,
            Expr? residualOutput = null, IndexSymbol? outputIndex = null, CancellationToken cancellation = default, bool transposedSums = false)
        {
            MethodProgram Program(IReadOnlyList<OutputFamily> families) => new MethodProgram(families, transposedSums);

            var d = DerivativeSet.Compute(blocks, loss, cancellation);
            var value = Program(new[] { Return(d.Loss) });
            var gradient = Program(d.Gradient.Select(g => Store("gradient", g)).Append(Return(d.Loss)).ToList());
            cancellation.ThrowIfCancellationRequested();
            var hessian = Program(d.Hessian.Select(h => HessianEntry(h, parameterCount)).ToList());
            var hessianVector = Program(d.HessianVector.Select(h => Store("result", h)).ToList());
            var residual = residualOutput == null ? null : ResidualPrograms.Compute(blocks, parameterCount, residualOutput, outputIndex, transposedSums);
            return new DerivativePrograms(d, value, gradient, hessian, hessianVector, residual);
        }

        /// <summary>∂²ℓ/∂A[p, q]∂B[r, s] into both hessian[(A p q) · d + (B r s)] and its mirror.</summary>
        private static OutputFamily HessianEntry(Derivative h, int n)
        {
            var k = h.Block.Shape.Count;
            var row = FlatIndex(h.Block, h.Indices.Take(k).ToArray());
            var column = FlatIndex(h.Second!, h.Indices.Skip(k).ToArray());
            var positions = new List<OutputPosition> { new OutputPosition(column, row, n) };
            if (!(h.Block == h.Second && h.Indices.Count == 0)) positions.Add(new OutputPosition(row, column, n));
            return new OutputFamily(Interleave(h.Indices.Take(k).ToList(), h.Indices.Skip(k).ToList()), h.Value,
                OutputTarget.Entries("hessian", positions.ToArray()));
        }

        /// <summary>
        /// Loop order p, r, q, s for ∂²ℓ/∂W[p, q]∂W[r, s]: what depends on a row index (a hidden unit)
        /// is then computed once per row pair, not once per entry.
        /// </summary>
        private static IReadOnlyList<IndexSymbol> Interleave(List<IndexSymbol> first, List<IndexSymbol> second)
        {
            var order = new List<IndexSymbol>();
            for (var k = 0; k < System.Math.Max(first.Count, second.Count); k++)
            {
                if (k < first.Count) order.Add(first[k]);
                if (k < second.Count) order.Add(second[k]);
            }

            return order;
        }

        internal static OutputFamily Return(Expr value) => new OutputFamily(new IndexSymbol[0], value, OutputTarget.Result);

        internal static OutputFamily Store(string span, Derivative d) =>
            new OutputFamily(d.Indices, d.Value, OutputTarget.Entries(span, new OutputPosition(Entry(d))));

        /// <summary>The position in θ of the entry of a derivative's block at its free indices.</summary>
        internal static FlatIndex Entry(Derivative d) => FlatIndex(d.Block, d.Indices);

        /// <summary>The position in θ (or in the sample) of the entry of <paramref name="block"/> at <paramref name="indices"/>.</summary>
        private static FlatIndex FlatIndex(ParameterBlock block, IReadOnlyList<IndexSymbol> indices) =>
            new FlatIndex(block.Offset, indices.Select(Affine.Of).ToArray(), indices.Select((_, k) => block.Stride(k)).ToArray());
    }

    /// <summary>ℓ = c·(f − y)²: f and ∇f; or ℓ = c·Σ_k (f_k − y[k])²: the K outputs and their K×d Jacobian.</summary>
    public sealed class ResidualPrograms
    {
        private ResidualPrograms(IndexSymbol? outputIndex, IReadOnlyList<Derivative> derivatives, MethodProgram output, MethodProgram derivative)
        {
            OutputIndex = outputIndex;
            OutputDerivatives = derivatives;
            Output = output;
            OutputDerivative = derivative;
        }

        /// <summary>k of the vector form; null for a single output.</summary>
        public IndexSymbol? OutputIndex { get; }

        /// <summary>∂f/∂A for each parameter block A (∂f_k/∂A for a vector form, in k and A's indices).</summary>
        public IReadOnlyList<Derivative> OutputDerivatives { get; }

        /// <summary>f returned, or f_k into <c>outputs</c>.</summary>
        public MethodProgram Output { get; }

        /// <summary>∇f into <c>gradient</c> then f returned, or the Jacobian into <c>jacobian</c>.</summary>
        public MethodProgram OutputDerivative { get; }

        internal static ResidualPrograms Compute(IReadOnlyList<ParameterBlock> blocks, int parameterCount, Expr output, IndexSymbol? outputIndex, bool transposedSums)
        {
            MethodProgram Program(IReadOnlyList<OutputFamily> families) => new MethodProgram(families, transposedSums);
            var derivatives = DerivativeSet.GradientOf(blocks, output);
            if (outputIndex is { } k)
            {
                var outputs = Program(new[] { new OutputFamily(new[] { k }, output, OutputTarget.Entries("outputs", new OutputPosition(FlatIndex.Of(k)))) });
                var jacobian = Program(derivatives.Select(g => new OutputFamily(new[] { k }.Concat(g.Indices).ToArray(), g.Value,
                    OutputTarget.Entries("jacobian", new OutputPosition(DerivativePrograms.Entry(g), FlatIndex.Of(k), parameterCount)))).ToList());
                return new ResidualPrograms(k, derivatives, outputs, jacobian);
            }

            var value = Program(new[] { DerivativePrograms.Return(output) });
            var gradient = Program(derivatives.Select(g => DerivativePrograms.Store("gradient", g)).Append(DerivativePrograms.Return(output)).ToList());
            return new ResidualPrograms(null, derivatives, value, gradient);
        }
    }
}
