using System.Linq;
using System.Threading;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Derivatives
{
    /// <summary>
    /// The Derivatives stage: a model spec's derivative set and the loop program of every generated method,
    /// computed once per model by the symbolic engine's one derivative pipeline. Everything here is data;
    /// Emission prints it. Sums that read a matrix across its rows are accumulated along them (transposed sums),
    /// which the loop writer prints as <c>tab[p] += …</c>.
    /// </summary>
    internal static class ModelDerivatives
    {
        public static DerivativePrograms Compute(ModelSpec spec, CancellationToken cancellation) =>
            DerivativePrograms.Compute(spec.Parameters.Select(b => new ParameterBlock(b.Name, b.Shape.ToArray(), b.Offset)).ToArray(),
                spec.ParameterCount, spec.Loss, spec.Residual?.Output, spec.Residual?.OutputIndex, cancellation, transposedSums: true);
    }
}
