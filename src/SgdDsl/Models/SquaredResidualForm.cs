namespace SgdDsl;

/// <summary>
/// The structure of a loss ℓ = c·(f(θ; sample) − y)² with a constant c &gt; 0 and a target y (one value of
/// the sample) that f does not use, or its vector form ℓ = c·Σ_k (f_k − y_k)² with K outputs and K targets. At an
/// interpolating minimum (f = y for every sample) the per-sample Hessian is exactly H = 2c·Jᵀ J (J the K×d Jacobian
/// of the outputs; 2c·∇f ∇fᵀ, rank one, for K = 1), which the runtime uses instead of forming d×d matrices.
/// The generator provides it when it recognizes the form, and also for ℓ = φ(f − y) with φ(0) = φ'(0) = 0 &lt; φ''(0)
/// (log cosh, pseudo-Huber, …), where H = φ''(0)·∇f ∇fᵀ at such a point: there <see cref="Scale"/> is φ''(0)/2.
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
        TargetIndices = [targetIndex];
    }

    /// <param name="scale">c, the positive constant in front of the sum of squares.</param>
    /// <param name="targetIndices">The positions of y_0 … y_{K−1} within a sample (K ≥ 1).</param>
    protected SquaredResidualForm(double scale, IReadOnlyList<int> targetIndices)
        : this(scale, FirstOf(targetIndices))
    {
        if (targetIndices.Any(i => i < 0)) throw new ArgumentOutOfRangeException(nameof(targetIndices), "Target positions must be ≥ 0.");
        TargetIndices = targetIndices.ToArray();
    }

    /// <summary>K, the number of outputs (1 for the scalar form).</summary>
    public int OutputCount => TargetIndices.Count;

    /// <summary>The positions of the K targets within a sample; [<see cref="TargetIndex"/>] for K = 1.</summary>
    public IReadOnlyList<int> TargetIndices { get; }

    /// <summary>Writes the K outputs f_k(θ; sample) into <paramref name="outputs"/>.</summary>
    public virtual void Outputs(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> outputs) =>
        outputs[0] = Output(theta, sample);

    /// <summary>Writes the K×d Jacobian ∂f_k/∂θ_j, row-major, into <paramref name="jacobian"/>.</summary>
    public virtual void OutputJacobian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> jacobian) =>
        OutputGradient(theta, sample, jacobian);

    private static int FirstOf(IReadOnlyList<int> targetIndices)
    {
        ArgumentNullException.ThrowIfNull(targetIndices);
        if (targetIndices.Count == 0) throw new ArgumentException("At least one output is needed.", nameof(targetIndices));
        return targetIndices[0];
    }

    /// <summary>c, the positive constant in ℓ = c·(f − y)² (φ''(0)/2 for a generalized residual loss φ(f − y)).</summary>
    public double Scale { get; }

    /// <summary>2c: at an interpolating minimum each per-sample Hessian is this times Jᵀ J.</summary>
    public double Curvature => 2 * Scale;

    /// <summary>The position of the target y within a sample (of y_0 for K &gt; 1).</summary>
    public int TargetIndex { get; }

    /// <summary>The model output f(θ; sample); for K &gt; 1 the generated form throws (use <see cref="Outputs"/>).</summary>
    public abstract double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample);

    /// <summary>Writes ∇f (length d) into <paramref name="gradient"/> and returns f; for K &gt; 1 use <see cref="OutputJacobian"/>.</summary>
    public abstract double OutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient);
}
