using System.Collections.Generic;
using System.Threading;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Emission
{
    /// <summary>The loss and its exact symbolic derivatives with respect to θ.</summary>
    internal sealed class DerivativeSet
    {
        /// <summary>Prefix of the symbolic variables standing for the direction v of a Hessian-vector product; '$' keeps them apart from C# names.</summary>
        public const string DirectionPrefix = "$v";

        private DerivativeSet(Expr loss, Expr[] gradient, Expr[,] hessian, Expr[] hessianVector)
        {
            Loss = loss;
            Gradient = gradient;
            Hessian = hessian;
            HessianVector = hessianVector;
        }

        public Expr Loss { get; }

        /// <summary>∂ℓ/∂θ_i.</summary>
        public Expr[] Gradient { get; }

        /// <summary>∂²ℓ/∂θ_i∂θ_j; the same object at [i, j] and [j, i].</summary>
        public Expr[,] Hessian { get; }

        /// <summary>Σ_j ∂²ℓ/∂θ_i∂θ_j · v_j, with v_j the variables <see cref="DirectionPrefix"/>j.</summary>
        public Expr[] HessianVector { get; }

        public static DerivativeSet Compute(ModelSpec spec, CancellationToken cancellation)
        {
            var theta = spec.ParameterNames;
            var d = theta.Count;
            var gradient = Differentiator.Gradient(spec.Loss, theta);
            var hessian = new Expr[d, d];
            for (var i = 0; i < d; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                for (var j = i; j < d; j++)
                    hessian[i, j] = hessian[j, i] = Differentiator.Differentiate(gradient[i], theta[j]);
            }

            var hessianVector = new Expr[d];
            for (var i = 0; i < d; i++)
            {
                var terms = new List<Expr>(d);
                for (var j = 0; j < d; j++) terms.Add(hessian[i, j] * Expr.Var(DirectionPrefix + j));
                hessianVector[i] = Expr.Add(terms.ToArray());
            }

            return new DerivativeSet(spec.Loss, gradient, hessian, hessianVector);
        }
    }
}
