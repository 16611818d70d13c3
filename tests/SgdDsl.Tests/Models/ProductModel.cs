namespace SgdDsl.Tests.Models;

/// <summary>
/// ℓ = ½ (a b x − y)², r = abx − y: ∇ℓ = r x (b, a); ∇²ℓ = [[b²x², abx² + rx], [abx² + rx, a²x²]].
/// With y = c x the minima are the hyperbola ab = c. With <c>squaredResidual</c> it exposes the form c = ½, f = abx,
/// ∇f = x (b, a), so Gauss–Newton can be compared with the Hessian paths on the same data.
/// </summary>
public sealed class ProductModel(bool squaredResidual = false) : ClosedFormModel, ILossModel
{
    public SquaredResidualForm? SquaredResidual => squaredResidual ? new Form() : null;

    public override string Name => nameof(ProductModel);
    public override IReadOnlyList<string> ParameterNames => ["a", "b"];
    public override IReadOnlyList<string> SampleNames => ["x", "y"];
    public override string LossFormula => "0.5 * (a * b * x - y)^2";

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        var r = theta[0] * theta[1] * sample[0] - sample[1];
        return 0.5 * r * r;
    }

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        var x = sample[0];
        var r = theta[0] * theta[1] * x - sample[1];
        gradient[0] = r * theta[1] * x;
        gradient[1] = r * theta[0] * x;
        return 0.5 * r * r;
    }

    public override void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian)
    {
        var (a, b, x) = (theta[0], theta[1], sample[0]);
        var r = a * b * x - sample[1];
        hessian[0] = b * b * x * x;
        hessian[1] = hessian[2] = a * b * x * x + r * x;
        hessian[3] = a * a * x * x;
    }

    /// <summary>Samples (x_i, c x_i).</summary>
    public static Dataset OnLine(double c, params double[] x) =>
        Dataset.FromRows(x.Select(v => new[] { v, c * v }).ToArray());

    private sealed class Form() : SquaredResidualForm(0.5, targetIndex: 1)
    {
        public override double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample) => theta[0] * theta[1] * sample[0];

        public override double OutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
        {
            gradient[0] = theta[1] * sample[0];
            gradient[1] = theta[0] * sample[0];
            return Output(theta, sample);
        }
    }
}
