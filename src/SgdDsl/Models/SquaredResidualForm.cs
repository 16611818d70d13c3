namespace SgdDsl;

/// <summary>
/// The structure of a loss ℓ = c·(f(θ; sample) − y)² with a constant c &gt; 0 and a target y (one value of
/// the sample) that f does not use. At an interpolating minimum (f = y for every sample) the per-sample
/// Hessian is exactly H = 2c·∇f ∇fᵀ, of rank one, which the runtime uses instead of forming d×d matrices.
/// The generator provides it when it recognizes the form.
/// </summary>
public abstract class SquaredResidualForm
{
    /// <param name="scale">c, the positive constant in front of the square.</param>
    /// <param name="targetIndex">The position of y within a sample.</param>
    protected SquaredResidualForm(double scale, int targetIndex)
    {
        if (!(scale > 0) || !double.IsFinite(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "c must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfNegative(targetIndex);
        Scale = scale;
        TargetIndex = targetIndex;
    }

    /// <summary>c, the positive constant in ℓ = c·(f − y)².</summary>
    public double Scale { get; }

    /// <summary>The position of the target y within a sample.</summary>
    public int TargetIndex { get; }

    /// <summary>The model output f(θ; sample).</summary>
    public abstract double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample);

    /// <summary>Writes ∇f (length d) into <paramref name="gradient"/> and returns f.</summary>
    public abstract double OutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient);
}
