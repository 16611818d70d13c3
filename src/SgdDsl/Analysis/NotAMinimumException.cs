using System.Globalization;

namespace SgdDsl;

/// <summary>
/// Thrown by <see cref="Stability.Analyze"/> when the given point is not a global minimum within tolerance:
/// the mean loss or the norm of its gradient is too large. The point is never moved silently; find a
/// nearby minimum with <see cref="Stability.Minimize"/> and analyse that.
/// </summary>
public sealed class NotAMinimumException : Exception
{
    /// <summary>Creates the exception for a point with mean loss <paramref name="loss"/> and gradient norm <paramref name="gradientNorm"/>.</summary>
    /// <param name="loss">L at the point.</param>
    /// <param name="gradientNorm">‖∇L‖ at the point.</param>
    /// <param name="lossTolerance">The largest L accepted.</param>
    /// <param name="gradientTolerance">The largest ‖∇L‖ accepted.</param>
    public NotAMinimumException(double loss, double gradientNorm, double lossTolerance, double gradientTolerance)
        : base(Describe(loss, gradientNorm, lossTolerance, gradientTolerance))
    {
        Loss = loss;
        GradientNorm = gradientNorm;
        LossTolerance = lossTolerance;
        GradientTolerance = gradientTolerance;
    }

    /// <summary>The mean loss L at the point.</summary>
    public double Loss { get; }

    /// <summary>The Euclidean norm of ∇L at the point.</summary>
    public double GradientNorm { get; }

    /// <summary>The largest mean loss that was accepted.</summary>
    public double LossTolerance { get; }

    /// <summary>The largest gradient norm that was accepted.</summary>
    public double GradientTolerance { get; }

    private static string Describe(double loss, double gradientNorm, double lossTolerance, double gradientTolerance)
    {
        static string F(double x) => x.ToString(CultureInfo.InvariantCulture);
        return $"The point is not a global minimum: mean loss L = {F(loss)} (tolerance {F(lossTolerance)}), " +
               $"gradient norm ‖∇L‖ = {F(gradientNorm)} (tolerance {F(gradientTolerance)}). " +
               "Use Stability.Minimize to find a nearby minimum and analyse that point.";
    }
}
