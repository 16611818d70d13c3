namespace SgdDsl.Analysis;

/// <summary>L(θ) = (1/N) Σ ℓ_i(θ) with its gradient and Hessian, summed in sample order (deterministic).</summary>
internal sealed class MeanLoss
{
    private readonly ILossModel model;
    private readonly Dataset data;
    private readonly double[] sampleGradient;
    private double[]? sampleHessian;

    public MeanLoss(ILossModel model, Dataset data)
    {
        this.model = model;
        this.data = data;
        Dimension = model.ParameterCount;
        sampleGradient = new double[Dimension];
    }

    /// <summary>d, the number of parameters.</summary>
    public int Dimension { get; }

    public double Value(ReadOnlySpan<double> theta)
    {
        var sum = 0.0;
        for (var i = 0; i < data.Count; i++)
            sum += model.Value(theta, data[i]);
        return sum / data.Count;
    }

    /// <summary>Writes ∇L into <paramref name="gradient"/> and returns L.</summary>
    public double Gradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        gradient.Clear();
        var sum = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            sum += model.Gradient(theta, data[i], sampleGradient);
            for (var k = 0; k < Dimension; k++)
                gradient[k] += sampleGradient[k];
        }
        for (var k = 0; k < Dimension; k++)
            gradient[k] /= data.Count;
        return sum / data.Count;
    }

    /// <summary>Writes ∇²L, row-major d×d, into <paramref name="hessian"/>.</summary>
    public void Hessian(ReadOnlySpan<double> theta, Span<double> hessian)
    {
        hessian.Clear();
        // d×d scratch only for callers that want the Hessian: checking a minimum needs just the gradient.
        sampleHessian ??= new double[Dimension * Dimension];
        for (var i = 0; i < data.Count; i++)
        {
            model.Hessian(theta, data[i], sampleHessian);
            for (var k = 0; k < sampleHessian.Length; k++)
                hessian[k] += sampleHessian[k];
        }
        for (var k = 0; k < hessian.Length; k++)
            hessian[k] /= data.Count;
    }

    public static double Norm(ReadOnlySpan<double> v) => Numerics.EuclideanNorm.Of(v);
}
