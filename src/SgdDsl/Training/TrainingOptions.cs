namespace SgdDsl;

/// <summary>
/// How <see cref="Training.Run"/> trains: method, step size, batches, stopping rules and threads. Losses are in the
/// loss's units; every default is chosen for unit-scale data and parameters.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>GD (full batch, the default) or SGD.</summary>
    public TrainingMethod Method { get; init; } = TrainingMethod.GD;

    /// <summary>η, the step size (&gt; 0, finite). Default 0.1, as <see cref="StabilityOptions.LearningRate"/>.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>B, the samples per SGD step, 1 ≤ B ≤ N. Default 1. GD ignores it (its batch is all N samples).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>
    /// How SGD draws its batches: the samplers of the analysis (<see cref="StabilityOptions.Sampling"/>), so a trained
    /// point is analysed under the dynamics that found it. Default <see cref="BatchSampling.WithoutReplacement"/>. GD
    /// ignores it.
    /// </summary>
    public BatchSampling Sampling { get; init; } = BatchSampling.WithoutReplacement;

    /// <summary>
    /// Seed of the SGD batches: one stream derived from it draws every batch, so the same seed gives the same trajectory
    /// whatever <see cref="MaxDegreeOfParallelism"/>. Default 1. GD draws nothing.
    /// </summary>
    public int Seed { get; init; } = 1;

    /// <summary>The most steps, ≥ 0. Default 100,000.</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>
    /// Stop as soon as the mean loss L = (1/N) Σ ℓ_i is below this (finite, ≥ 0; 0 never stops early). Default 1e-10:
    /// residuals of order 1e-5, close enough to the minimum manifold that the Gauss–Newton polish of
    /// <see cref="Training.RunAndPolish"/> moves the point by about that much, and it converges in a few steps.
    /// </summary>
    public double LossTarget { get; init; } = 1e-10;

    /// <summary>
    /// The divergence rule's factor (&gt; 1, finite): the run stops as <see cref="TrainingStopReason.Diverged"/> when an
    /// evaluated mean loss exceeds this times the start loss L(θ₀) (L(θ₀) &gt; 0), or when any loss, gradient or point
    /// coordinate is not finite. Default 1e6: a transient rise of the loss (the catapult at the edge of stability) stays
    /// within a few orders of magnitude, while a divergence grows geometrically and passes it within a few dozen steps.
    /// </summary>
    public double DivergenceFactor { get; init; } = 1e6;

    /// <summary>
    /// SGD only: L is evaluated exactly (N values of ℓ_i) every this many steps, ≥ 1; null (default) chooses 4 epochs,
    /// 4⌈N/B⌉ steps, so evaluating costs at most a quarter of the 4N gradients trained in between (a value costs less
    /// than a gradient). Between evaluations the batch losses of the last epoch (⌈N/B⌉ steps; each is the batch's mean ℓ
    /// at the point its step starts from) are averaged, a free estimate of L: once it is below
    /// <see cref="LossTarget"/>, and an epoch has passed since the last evaluation, L is evaluated at once. So a run
    /// stops about an epoch after L falls below the target, and the early evaluations cost at most one per epoch. GD
    /// needs none of this: its full-batch gradient at θ_k gives L(θ_k) for free.
    /// </summary>
    public int? LossEvaluationInterval { get; init; }

    /// <summary>
    /// Most threads for the per-sample gradients of one step; −1 (default) lets the runtime decide. A step is spread over
    /// threads only when its work B·d is large enough to gain; results are bit-identical for every value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
