using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// The loss and its exact symbolic derivatives, one expression per parameter block: ∂ℓ/∂W[p, q]
    /// is a single expression in the free indices p, q, so the work grows with the loss, not with d.
    /// </summary>
    public sealed class DerivativeSet
    {
        /// <summary>Prefix of the leaves standing for the direction v of a Hessian-vector product; '$' keeps them apart from C# names.</summary>
        public const string DirectionPrefix = "$v:";

        /// <summary>Names of the free indices of the first block of a derivative (∂/∂W[p, q]) and of the second (∂/∂W[r, s]).</summary>
        private static readonly string[][] IndexNames = { new[] { "p", "q" }, new[] { "r", "s" } };

        private DerivativeSet(Expr loss, Derivative[] gradient, Derivative[] hessian, Derivative[] hessianVector)
        {
            Loss = loss;
            Gradient = gradient;
            Hessian = hessian;
            HessianVector = hessianVector;
        }

        public Expr Loss { get; }

        /// <summary>∂ℓ/∂A for each parameter block A, indexed by A's free indices.</summary>
        public IReadOnlyList<Derivative> Gradient { get; }

        /// <summary>∂²ℓ/∂A∂B for blocks A ≤ B, indexed by A's then B's free indices.</summary>
        public IReadOnlyList<Derivative> Hessian { get; }

        /// <summary>(∇²ℓ v)_A for each block A: the derivative of ∂ℓ/∂A in the direction v.</summary>
        public IReadOnlyList<Derivative> HessianVector { get; }

        /// <summary>The derivatives of <paramref name="loss"/> with respect to <paramref name="blocks"/>, in the blocks' order.</summary>
        public static DerivativeSet Compute(IReadOnlyList<ParameterBlock> blocks, Expr loss, CancellationToken cancellation = default)
        {
            var gradient = GradientOf(blocks, loss);

            var hessian = new List<Derivative>();
            for (var i = 0; i < blocks.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                for (var j = i; j < blocks.Count; j++)
                {
                    var second = Targets(blocks[j], 1);
                    hessian.Add(new Derivative(blocks[i], blocks[j], gradient[i].Indices.Concat(second).ToArray(),
                        Differentiate(gradient[i].Value, blocks[j], second)));
                }
            }

            var parameterNames = new HashSet<string>(blocks.Select(b => b.Name));
            Expr Direction(Expr leaf) => leaf switch
            {
                Variable v when parameterNames.Contains(v.Name) => Expr.Var(DirectionPrefix + v.Name),
                Element e when parameterNames.Contains(e.Array) => new Element(DirectionPrefix + e.Array, e.Subscripts.ToArray()),
                _ => Expr.Zero,
            };
            var hessianVector = gradient.Select(g => new Derivative(g.Block, null, g.Indices, Differentiator.Differentiate(g.Value, Direction))).ToArray();
            return new DerivativeSet(loss, gradient, hessian.ToArray(), hessianVector);
        }

        /// <summary>∂e/∂A for each parameter block A, in A's free indices p (and q).</summary>
        public static Derivative[] GradientOf(IReadOnlyList<ParameterBlock> blocks, Expr e) =>
            blocks.Select(a => new Derivative(a, null, Targets(a, 0), Differentiate(e, a, Targets(a, 0)))).ToArray();

        private static IndexSymbol[] Targets(ParameterBlock block, int order) =>
            block.Shape.Select((n, k) => new IndexSymbol(IndexNames[order][k], n)).ToArray();

        private static Expr Differentiate(Expr e, ParameterBlock block, IndexSymbol[] targets) =>
            block.IsScalar
                ? Differentiator.Differentiate(e, block.Name)
                : Differentiator.Differentiate(e, block.Name, targets.Select(Affine.Of).ToArray());
    }

    /// <summary>A derivative with respect to one block (or two, for the Hessian), as one expression in free indices.</summary>
    public sealed class Derivative
    {
        internal Derivative(ParameterBlock block, ParameterBlock? second, IReadOnlyList<IndexSymbol> indices, Expr value)
        {
            Block = block;
            Second = second;
            Indices = indices;
            Value = value;
        }

        public ParameterBlock Block { get; }

        public ParameterBlock? Second { get; }

        /// <summary>The free indices: those of <see cref="Block"/>, then those of <see cref="Second"/>.</summary>
        public IReadOnlyList<IndexSymbol> Indices { get; }

        public Expr Value { get; }
    }
}
