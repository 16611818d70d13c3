namespace SgdDsl.Analysis;

/// <summary>Checks that a point is a global minimum (L ≈ 0, ∇L ≈ 0) before anything is linearized there.</summary>
internal static class MinimumCheck
{
    /// <summary>
    /// Returns L and ‖∇L‖, or throws <see cref="NotAMinimumException"/> when either exceeds its tolerance and
    /// <see cref="ArithmeticException"/> when either is not finite.
    /// </summary>
    public static (double Loss, double GradientNorm) Verify(
        MeanLoss loss, ReadOnlySpan<double> point, double lossTolerance, double gradientTolerance)
    {
        var gradient = new double[loss.Dimension];
        var value = loss.Gradient(point, gradient);
        var norm = MeanLoss.Norm(gradient);
        if (!double.IsFinite(value) || !double.IsFinite(norm))
            throw new ArithmeticException(
                $"The mean loss or its gradient is not finite at the point (L = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, " +
                $"‖∇L‖ = {norm.ToString(System.Globalization.CultureInfo.InvariantCulture)}): an overflow or an undefined value, not a minimum.");
        // Written so that NaN fails both tests.
        if (!(value <= lossTolerance) || !(norm <= gradientTolerance))
            throw new NotAMinimumException(value, norm, lossTolerance, gradientTolerance);
        return (value, norm);
    }
}
