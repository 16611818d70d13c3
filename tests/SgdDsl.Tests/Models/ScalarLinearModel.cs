namespace SgdDsl.Tests.Models;

/// <summary>ℓ = ½ (w x − y)²: one parameter w; ∇ℓ = (wx − y) x, ∇²ℓ = x². At w = 0, y = 0 the curvature is h = x².</summary>
public sealed class ScalarLinearModel : ClosedFormModel
{
    public override string Name => nameof(ScalarLinearModel);
    public override IReadOnlyList<string> ParameterNames => ["w"];
    public override IReadOnlyList<string> SampleNames => ["x", "y"];
    public override string LossFormula => "0.5 * (w * x - y)^2";

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        var r = theta[0] * sample[0] - sample[1];
        return 0.5 * r * r;
    }

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        var r = theta[0] * sample[0] - sample[1];
        gradient[0] = r * sample[0];
        return 0.5 * r * r;
    }

    public override void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian) =>
        hessian[0] = sample[0] * sample[0];

    /// <summary>Samples (√h_i, 0): at w = 0 the per-sample curvatures are exactly the h_i (up to one rounding of √).</summary>
    public static Dataset WithCurvatures(params double[] h) =>
        Dataset.FromRows(h.Select(x => new[] { Math.Sqrt(x), 0.0 }).ToArray());
}
