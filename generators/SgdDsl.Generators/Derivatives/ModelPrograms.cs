using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SgdDsl.Generators.Analysis;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Derivatives
{
    /// <summary>The output families of one generated method and the loop program that computes them.</summary>
    internal sealed class MethodProgram
    {
        public MethodProgram(IReadOnlyList<OutputFamily> families)
        {
            Families = families;
            Program = LoopScheduler.Schedule(families);
        }

        public IReadOnlyList<OutputFamily> Families { get; }

        public LoopProgram Program { get; }
    }

    /// <summary>
    /// The Derivatives stage: a model's derivative set and the loop program of every generated method
    /// (Value, Gradient, Hessian, HessianVectorProduct, and for a squared-residual loss its outputs and their
    /// derivatives), computed once per model. Everything here is data; Emission prints it.
    /// </summary>
    internal sealed class ModelPrograms
    {
        private ModelPrograms(DerivativeSet derivatives, MethodProgram value, MethodProgram gradient, MethodProgram hessian,
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

        public static ModelPrograms Compute(ModelSpec spec, CancellationToken cancellation)
        {
            var d = DerivativeSet.Compute(spec, cancellation);
            var value = new MethodProgram(new[] { Return(d.Loss) });
            var gradient = new MethodProgram(d.Gradient.Select(g => Store("gradient", g)).Append(Return(d.Loss)).ToList());
            cancellation.ThrowIfCancellationRequested();
            var hessian = new MethodProgram(d.Hessian.Select(h => HessianEntry(h, spec.ParameterCount)).ToList());
            var hessianVector = new MethodProgram(d.HessianVector.Select(h => Store("result", h)).ToList());
            var residual = spec.Residual == null ? null : ResidualPrograms.Compute(spec, spec.Residual);
            return new ModelPrograms(d, value, gradient, hessian, hessianVector, residual);
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
        private static FlatIndex FlatIndex(Block block, IReadOnlyList<IndexSymbol> indices) =>
            new FlatIndex(block.Offset, indices.Select(Affine.Of).ToArray(), indices.Select((_, k) => block.Stride(k)).ToArray());
    }

    /// <summary>ℓ = c·(f − y)²: f and ∇f; or ℓ = c·Σ_k (f_k − y[k])²: the K outputs and their K×d Jacobian.</summary>
    internal sealed class ResidualPrograms
    {
        private ResidualPrograms(SquaredResidual form, IReadOnlyList<Derivative> derivatives, MethodProgram output, MethodProgram derivative)
        {
            Form = form;
            OutputDerivatives = derivatives;
            Output = output;
            OutputDerivative = derivative;
        }

        public SquaredResidual Form { get; }

        /// <summary>∂f/∂A for each parameter block A (∂f_k/∂A for a vector form, in k and A's indices).</summary>
        public IReadOnlyList<Derivative> OutputDerivatives { get; }

        /// <summary>f returned, or f_k into <c>outputs</c>.</summary>
        public MethodProgram Output { get; }

        /// <summary>∇f into <c>gradient</c> then f returned, or the Jacobian into <c>jacobian</c>.</summary>
        public MethodProgram OutputDerivative { get; }

        public static ResidualPrograms Compute(ModelSpec spec, SquaredResidual form)
        {
            var derivatives = DerivativeSet.GradientOf(spec.Parameters, form.Output);
            if (form.OutputIndex is { } k)
            {
                var outputs = new MethodProgram(new[] { new OutputFamily(new[] { k }, form.Output, OutputTarget.Entries("outputs", new OutputPosition(FlatIndex.Of(k)))) });
                var jacobian = new MethodProgram(derivatives.Select(g => new OutputFamily(new[] { k }.Concat(g.Indices).ToArray(), g.Value,
                    OutputTarget.Entries("jacobian", new OutputPosition(ModelPrograms.Entry(g), FlatIndex.Of(k), spec.ParameterCount)))).ToList());
                return new ResidualPrograms(form, derivatives, outputs, jacobian);
            }

            var output = new MethodProgram(new[] { ModelPrograms.Return(form.Output) });
            var gradient = new MethodProgram(derivatives.Select(g => ModelPrograms.Store("gradient", g)).Append(ModelPrograms.Return(form.Output)).ToList());
            return new ResidualPrograms(form, derivatives, output, gradient);
        }
    }
}
