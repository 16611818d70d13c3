namespace SgdDsl;

/// <summary>One simulated SGD trajectory started at x* + δ·u.</summary>
public sealed class SimulationTrial
{
    /// <summary>The trial's index j (its random stream is derived from the seed and j).</summary>
    public required int Index { get; init; }

    /// <summary>u, the unit start direction (length d).</summary>
    public required double[] Direction { get; init; }

    /// <summary>How the trajectory ended.</summary>
    public required TrialOutcome Outcome { get; init; }

    /// <summary>Steps taken (the requested steps, or fewer when it diverged).</summary>
    public required int StepsTaken { get; init; }

    /// <summary>The last finite point (length d).</summary>
    public required double[] EndPoint { get; init; }

    /// <summary>The mean loss L at <see cref="EndPoint"/>.</summary>
    public required double EndLoss { get; init; }

    /// <summary>‖EndPoint − x*‖.</summary>
    public required double EndDistance { get; init; }

    /// <summary>
    /// D_k for k = 0 … <see cref="StepsTaken"/>: the distance to the minimum manifold measured by the loss,
    /// D_k = δ·√(L(θ_k)/L(θ₀)), so D₀ = δ. Near x*, L ≈ ½ vᵀHv with v the normal component, so D is the
    /// H-norm of the normal displacement scaled to read δ at the start: it has the same growth rate as any norm of v
    /// and, unlike the normal coordinates at x*, it is 0 on the whole manifold. Empty unless history was recorded.
    /// </summary>
    public required double[] NormalDistance { get; init; }

    /// <summary>τ, the last step of the linear regime used for the growth-rate fit (0 when the trial has no fit).</summary>
    public required int FitSteps { get; init; }

    /// <summary>log(D_τ/D₀), the growth of the log normal distance over the fit window.</summary>
    public required double FitLogGrowth { get; init; }
}
