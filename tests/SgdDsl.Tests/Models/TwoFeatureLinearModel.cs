namespace SgdDsl.Tests.Models;

/// <summary>ℓ = ½ (a x1 + b x2 − y)²: ∇ℓ = r (x1, x2), ∇²ℓ = (x1, x2)(x1, x2)ᵀ, r the residual.</summary>
public sealed class TwoFeatureLinearModel : ClosedFormModel
{
    public override string Name => nameof(TwoFeatureLinearModel);
    public override IReadOnlyList<string> ParameterNames => ["a", "b"];
    public override IReadOnlyList<string> SampleNames => ["x1", "x2", "y"];
    public override string LossFormula => "0.5 * (a * x1 + b * x2 - y)^2";

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        var r = theta[0] * sample[0] + theta[1] * sample[1] - sample[2];
        return 0.5 * r * r;
    }

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        var r = theta[0] * sample[0] + theta[1] * sample[1] - sample[2];
        gradient[0] = r * sample[0];
        gradient[1] = r * sample[1];
        return 0.5 * r * r;
    }

    public override void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian)
    {
        hessian[0] = sample[0] * sample[0];
        hessian[1] = hessian[2] = sample[0] * sample[1];
        hessian[3] = sample[1] * sample[1];
    }

    /// <summary>Samples (g_i, 0): at θ = 0 every ℓ_i vanishes and H_i = g_i g_iᵀ.</summary>
    public static Dataset WithFeatures(params (double X1, double X2)[] g) =>
        Dataset.FromRows(g.Select(v => new[] { v.X1, v.X2, 0.0 }).ToArray());
}
