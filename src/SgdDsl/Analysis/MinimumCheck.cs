namespace SgdDsl.Analysis;

/// <summary>Checks that a point is a global minimum (L ≈ 0, ∇L ≈ 0) before anything is linearized there.</summary>
internal static class MinimumCheck
{
    /// <summary>Returns L and ‖∇L‖, or throws <see cref="NotAMinimumException"/> when either exceeds its tolerance.</summary>
    public static (double Loss, double GradientNorm) Verify(
        MeanLoss loss, ReadOnlySpan<double> point, double lossTolerance, double gradientTolerance)
    {
        var gradient = new double[loss.Dimension];
        var value = loss.Gradient(point, gradient);
        var norm = MeanLoss.Norm(gradient);
        // Written so that NaN fails both tests.
        if (!(value <= lossTolerance) || !(norm <= gradientTolerance))
            throw new NotAMinimumException(value, norm, lossTolerance, gradientTolerance);
        return (value, norm);
    }
}
