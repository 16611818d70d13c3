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

    /// <summary>
    /// Creates the exception for a point where L and ‖∇L‖ are within tolerance but sample <paramref name="sample"/>'s
    /// Hessian has the eigenvalue <paramref name="eigenvalue"/> &lt; −<paramref name="cut"/>: ℓ_i ≥ 0 vanishing at a
    /// minimum has a positive semidefinite Hessian there, so this point minimizes not every ℓ_i.
    /// </summary>
    /// <param name="loss">L at the point.</param>
    /// <param name="gradientNorm">‖∇L‖ at the point.</param>
    /// <param name="lossTolerance">The largest L accepted.</param>
    /// <param name="gradientTolerance">The largest ‖∇L‖ accepted.</param>
    /// <param name="sample">The sample (0-based) whose Hessian is not positive semidefinite.</param>
    /// <param name="eigenvalue">Its most negative eigenvalue.</param>
    /// <param name="cut">The curvature cut (NormalSpaceTolerance × the largest |curvature|) it falls below.</param>
    public NotAMinimumException(double loss, double gradientNorm, double lossTolerance, double gradientTolerance, int sample, double eigenvalue, double cut)
        : base(DescribeCurvature(loss, gradientNorm, sample, eigenvalue, cut))
    {
        Loss = loss;
        GradientNorm = gradientNorm;
        LossTolerance = lossTolerance;
        GradientTolerance = gradientTolerance;
        Sample = sample;
        NegativeCurvature = eigenvalue;
    }

    /// <summary>The sample whose Hessian has a negative eigenvalue; null when L or ‖∇L‖ was too large.</summary>
    public int? Sample { get; }

    /// <summary>That eigenvalue (&lt; 0); null when L or ‖∇L‖ was too large.</summary>
    public double? NegativeCurvature { get; }

    /// <summary>The mean loss L at the point.</summary>
    public double Loss { get; }

    /// <summary>The Euclidean norm of ∇L at the point.</summary>
    public double GradientNorm { get; }

    /// <summary>The largest mean loss that was accepted.</summary>
    public double LossTolerance { get; }

    /// <summary>The largest gradient norm that was accepted.</summary>
    public double GradientTolerance { get; }

    private static string DescribeCurvature(double loss, double gradientNorm, int sample, double eigenvalue, double cut)
    {
        static string F(double x) => x.ToString(CultureInfo.InvariantCulture);
        return $"The point is not a minimum of every ℓ_i: the Hessian of sample {sample} has eigenvalue {F(eigenvalue)} < −{F(cut)}, " +
               $"although L = {F(loss)} and ‖∇L‖ = {F(gradientNorm)} are within tolerance. A per-sample loss ℓ_i ≥ 0 that vanishes at a " +
               "minimum has a positive semidefinite Hessian there, so check that the loss is non-negative (a maximum or saddle of ℓ_i is not a global minimum).";
    }

    private static string Describe(double loss, double gradientNorm, double lossTolerance, double gradientTolerance)
    {
        static string F(double x) => x.ToString(CultureInfo.InvariantCulture);
        return $"The point is not a global minimum: mean loss L = {F(loss)} (tolerance {F(lossTolerance)}), " +
               $"gradient norm ‖∇L‖ = {F(gradientNorm)} (tolerance {F(gradientTolerance)}). " +
               "Use Stability.Minimize to find a nearby minimum and analyse that point.";
    }
}
