namespace SgdDsl.Tests.Models;

/// <summary>
/// ℓ = ½(θ·x − y)² in d dimensions: H = x xᵀ everywhere, and at θ = 0 with y = 0 every sample interpolates. With
/// <c>squaredResidual</c> it also exposes the form c = ½, f = θ·x, ∇f = x, so the fast path can be compared with
/// the Hessian path on the same data.
/// </summary>
public sealed class LinearFeaturesModel(int dimension, bool squaredResidual) : ClosedFormModel, ILossModel
{
    public override string Name => nameof(LinearFeaturesModel);
    public override IReadOnlyList<string> ParameterNames => Enumerable.Range(0, dimension).Select(k => $"w{k}").ToArray();
    public override IReadOnlyList<string> SampleNames => [.. Enumerable.Range(0, dimension).Select(k => $"x{k}"), "y"];
    public override string LossFormula => "0.5 * (w·x - y)^2";

    public SquaredResidualForm? SquaredResidual => squaredResidual ? new Form(dimension) : null;

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        var r = Residual(theta, sample, dimension);
        return 0.5 * r * r;
    }

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        var r = Residual(theta, sample, dimension);
        for (var k = 0; k < dimension; k++)
            gradient[k] = r * sample[k];
        return 0.5 * r * r;
    }

    public override void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian)
    {
        for (var a = 0; a < dimension; a++)
        {
            for (var b = 0; b < dimension; b++)
                hessian[a * dimension + b] = sample[a] * sample[b];
        }
    }

    /// <summary>Samples (x_i, 0): at θ = 0 every ℓ_i vanishes and H_i = x_i x_iᵀ.</summary>
    public static Dataset WithFeatures(params double[][] x) => Dataset.FromRows(x.Select(v => v.Append(0.0).ToArray()).ToArray());

    private static double Residual(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, int d)
    {
        var f = 0.0;
        for (var k = 0; k < d; k++)
            f += theta[k] * sample[k];
        return f - sample[d];
    }

    private sealed class Form(int d) : SquaredResidualForm(0.5, targetIndex: d)
    {
        private readonly int dimension = d;

        public override double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample) => Residual(theta, sample, dimension) + sample[dimension];

        public override double OutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
        {
            for (var k = 0; k < dimension; k++)
                gradient[k] = sample[k];
            return Output(theta, sample);
        }
    }
}
