namespace SgdDsl.Tests.Models;

/// <summary>
/// ℓ = ½ Σ_k (θ·x_k − y_k)² with K feature vectors x_k ∈ R^d and K targets per sample: H = Σ_k x_k x_kᵀ everywhere,
/// and at θ = 0 with y = 0 every sample interpolates. With <c>squaredResidual</c> it exposes the vector form (c = ½,
/// f_k = θ·x_k, J rows x_k), so the K-output fast path can be compared with the Hessian path on the same data.
/// </summary>
public sealed class MultiOutputLinearModel(int dimension, int outputs, bool squaredResidual) : ClosedFormModel, ILossModel
{
    public override string Name => nameof(MultiOutputLinearModel);
    public override IReadOnlyList<string> ParameterNames => Enumerable.Range(0, dimension).Select(k => $"w{k}").ToArray();
    public override IReadOnlyList<string> SampleNames =>
        [.. from k in Enumerable.Range(0, outputs) from j in Enumerable.Range(0, dimension) select $"x[{k},{j}]", .. Enumerable.Range(0, outputs).Select(k => $"y[{k}]")];
    public override string LossFormula => "0.5 * sum_k (w·x_k - y_k)^2";

    public SquaredResidualForm? SquaredResidual => squaredResidual ? new Form(dimension, outputs) : null;

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        var sum = 0.0;
        for (var k = 0; k < outputs; k++)
        {
            var r = Output(theta, sample, k) - sample[outputs * dimension + k];
            sum += r * r;
        }
        return 0.5 * sum;
    }

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        gradient.Clear();
        for (var k = 0; k < outputs; k++)
        {
            var r = Output(theta, sample, k) - sample[outputs * dimension + k];
            for (var j = 0; j < dimension; j++)
                gradient[j] += r * sample[k * dimension + j];
        }
        return Value(theta, sample);
    }

    public override void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian)
    {
        hessian.Clear();
        for (var k = 0; k < outputs; k++)
            for (var a = 0; a < dimension; a++)
                for (var b = 0; b < dimension; b++)
                    hessian[a * dimension + b] += sample[k * dimension + a] * sample[k * dimension + b];
    }

    private double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, int k)
    {
        var f = 0.0;
        for (var j = 0; j < dimension; j++)
            f += theta[j] * sample[k * dimension + j];
        return f;
    }

    /// <summary>Samples with the given K·d features (row-major per sample) and zero targets.</summary>
    public static Dataset WithFeatures(int outputs, params double[][] x) => Dataset.FromRows(x.Select(v => v.Concat(new double[outputs]).ToArray()).ToArray());

    private sealed class Form(int d, int outputs) : SquaredResidualForm(0.5, Enumerable.Range(outputs * d, outputs).ToArray())
    {
        public override double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample) => throw new InvalidOperationException("K outputs");

        public override double OutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient) => throw new InvalidOperationException("K outputs");

        public override void Outputs(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> values)
        {
            for (var k = 0; k < outputs; k++)
            {
                var f = 0.0;
                for (var j = 0; j < d; j++)
                    f += theta[j] * sample[k * d + j];
                values[k] = f;
            }
        }

        public override void OutputJacobian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> jacobian) =>
            sample[..(outputs * d)].CopyTo(jacobian);
    }
}
