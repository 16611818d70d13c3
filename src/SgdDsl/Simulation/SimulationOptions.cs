namespace SgdDsl;

/// <summary>
/// How <see cref="Simulation.Run"/> runs the real, nonlinear SGD near a minimum x*. Lengths (δ, R) are Euclidean
/// in parameter space; losses are in the loss's units. Every default is chosen for unit-scale data and parameters.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>η, the SGD step size (&gt; 0, finite). Default 0.1, as <see cref="StabilityOptions.LearningRate"/>.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>B, the number of samples per step, 1 ≤ B ≤ N. Default 1.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>How batches are drawn: the same samplers as the analysis. Default <see cref="BatchSampling.WithoutReplacement"/>.</summary>
    public BatchSampling Sampling { get; init; } = BatchSampling.WithoutReplacement;

    /// <summary>
    /// Seed of every random choice. Trial j draws its direction and then its batches from one stream derived from
    /// (Seed, j), so results do not depend on <see cref="MaxDegreeOfParallelism"/>. Default 1.
    /// </summary>
    public int Seed { get; init; } = 1;

    /// <summary>Independent trials (random start directions), ≥ 1. Default 200: a fraction's Wilson interval is then at most ±0.07 wide.</summary>
    public int Trials { get; init; } = 200;

    /// <summary>SGD steps per trial, ≥ 1. Default 1000: from δ = 1e-4 a trial with λ = −0.1 reaches L ≈ 1e-20 in about 150 steps.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>
    /// δ &gt; 0, the distance of each start from x*: θ₀ = x* + δ·u, u a unit vector uniform on the sphere of the normal
    /// space N (on R^d when r = 0). Default 1e-4: small enough that the linearization governs the first steps (nonlinear
    /// corrections to the growth rate are O(δ)), large enough that 1e-10·δ stays above round-off for unit-scale x*.
    /// </summary>
    public double Displacement { get; init; } = 1e-4;

    /// <summary>
    /// R &gt; 0: a trial accumulates when it ends at a zero-loss point (L ≤ <see cref="LossTolerance"/>) within
    /// distance R of x*. Default 1e-2 (100 δ): converging trajectories drift along the manifold by O(δ).
    /// </summary>
    public double Radius { get; init; } = 1e-2;

    /// <summary>
    /// A trial has converged to the manifold when its final mean loss L ≤ this (absolute). Default 1e-20, the
    /// minimum check's <see cref="StabilityOptions.LossTolerance"/>: residuals of order 1e-10.
    /// </summary>
    public double LossTolerance { get; init; } = 1e-20;

    /// <summary>
    /// The linear regime of the growth-rate fit, as a multiple of δ: a trial's fit window ends at the first step whose
    /// normal distance is below <see cref="FitFloor"/>·δ or above <see cref="FitCeiling"/>·δ. Default 1e-10, above
    /// round-off of the residuals for unit-scale x*.
    /// </summary>
    public double FitFloor { get; init; } = 1e-10;

    /// <summary>Upper end of the linear regime as a multiple of δ (&gt; 1). Default 10: nonlinear terms stay below 10δ relative.</summary>
    public double FitCeiling { get; init; } = 10.0;

    /// <summary>
    /// z of the Wilson interval on the fraction accumulating. Default 1.959964, a two-sided 95% interval.
    /// </summary>
    public double IntervalZ { get; init; } = 1.959964;

    /// <summary>
    /// When true (default), each trial records its normal distance at every step in <see cref="SimulationTrial.NormalDistance"/>
    /// (Trials × (Steps + 1) doubles); when false only the fit and end state are kept.
    /// </summary>
    public bool RecordHistory { get; init; } = true;

    /// <summary>Largest mean loss accepted at x* (as <see cref="StabilityOptions.LossTolerance"/>). Default 1e-20.</summary>
    public double MinimumLossTolerance { get; init; } = 1e-20;

    /// <summary>Largest ‖∇L‖ accepted at x* (as <see cref="StabilityOptions.GradientTolerance"/>). Default 1e-9.</summary>
    public double MinimumGradientTolerance { get; init; } = 1e-9;

    /// <summary>Relative curvature cut that decides N (as <see cref="StabilityOptions.NormalSpaceTolerance"/>). Default 1e-9.</summary>
    public double NormalSpaceTolerance { get; init; } = 1e-9;

    /// <summary>Most threads running trials; −1 (default) lets the runtime decide. Results are bit-identical for every value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
