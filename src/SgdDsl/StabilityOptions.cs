using SgdDsl.Analysis;
using SgdDsl.Exponents;

namespace SgdDsl;

/// <summary>
/// How <see cref="Stability.Analyze"/> linearizes SGD at a minimum and measures its exponents.
/// Every default is chosen for unit-scale data and parameters; each property says why.
/// </summary>
public sealed record StabilityOptions
{
    /// <summary>
    /// η, the SGD/GD step size (&gt; 0, finite). Default 0.1, a common SGD step; the verdicts depend on it
    /// (μ &lt; 0 ⇔ every normal curvature h satisfies 0 &lt; h &lt; 2/η), so set it to the value you train with.
    /// </summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>B, the number of samples per step, 1 ≤ B ≤ N. Default 1, plain SGD.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>
    /// How batches are drawn. Default <see cref="BatchSampling.WithoutReplacement"/>, the setting of
    /// Chemnitz and Engel (JMLR 2025).
    /// </summary>
    public BatchSampling Sampling { get; init; } = BatchSampling.WithoutReplacement;

    /// <summary>
    /// Seed of every random choice (batches and start vectors). Default 1: a fixed seed makes reports
    /// reproducible bit for bit; change it to check that a conclusion does not hang on one sample path.
    /// </summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The default length of the Lyapunov estimate in measured steps per chain (after <see cref="Transient"/>); also the
    /// per-chain share of random batches when a one-dimensional exact average has too many batches to enumerate.
    /// Default 200 000: with <see cref="Chains"/> = 4 the standard error is about 1e-3 × (spread of one
    /// log-increment). The estimate chooses its own length from <see cref="StandardErrorTarget"/>: it starts at
    /// Steps/8 per chain and doubles until the target is met (and the verdict decided), so easy points stop early;
    /// only <see cref="AlwaysEstimate"/> runs the full Steps first.
    /// </summary>
    public int Steps { get; init; } = 200_000;

    /// <summary>
    /// Steps per chain discarded before measuring. Default 10 000: the renormalized vector forgets its random
    /// start like e^(−(λ₁−λ₂)k), so this suffices for gaps between the top two exponents down to about 1e-3,
    /// at 5% of <see cref="Steps"/>.
    /// </summary>
    public int Transient { get; init; } = 10_000;

    /// <summary>
    /// Independent chains (each with its own seed derived from <see cref="Seed"/> and its index, run in
    /// parallel, combined in index order). Default 4: independent starts expose runs that have not mixed,
    /// and 4 keeps typical 2–8 core machines busy.
    /// </summary>
    public int Chains { get; init; } = 4;

    /// <summary>
    /// Blocks each chain's measured steps are cut into; the standard error is the spread of all block means
    /// (batch means). Default 10, so 40 blocks of 20 000 steps with the defaults: long enough that block means
    /// are nearly independent, many enough (39 degrees of freedom) for a stable spread.
    /// <see cref="Chains"/> × <see cref="BlocksPerChain"/> must be at least 2.
    /// </summary>
    public int BlocksPerChain { get; init; } = 10;

    /// <summary>
    /// z, the number of standard errors a Monte Carlo λ̂ must clear 0 by for a Stable/Unstable verdict
    /// (λ̂ + z·SE &lt; 0 is Stable, λ̂ − z·SE &gt; 0 is Unstable, otherwise Inconclusive). Default 3:
    /// two-sided 99.7% under normality, and still about 99.5% for Student's t with 39 degrees of freedom.
    /// </summary>
    public double ConfidenceMultiplier { get; init; } = 3.0;

    /// <summary>
    /// Largest number of distinct batches an exact average over batches (r = 1) enumerates; above it the
    /// average is estimated from random batches with a standard error. Default 1 000 000, about 0.1 s.
    /// </summary>
    public long MaxEnumeratedBatches { get; init; } = 1_000_000;

    /// <summary>
    /// Largest mean loss L (absolute, in the loss's units) accepted as a global minimum (L = 0). Default 1e-20:
    /// residuals of order √(2L) ≈ 1e-10 leave per-sample Hessians PSD and curvature along the minimum manifold
    /// below <see cref="NormalSpaceTolerance"/> for unit-scale data, so the linearization is trustworthy.
    /// Points from a training run rarely pass; polish them with <see cref="Stability.Minimize"/>.
    /// </summary>
    public double LossTolerance { get; init; } = 1e-20;

    /// <summary>
    /// Largest Euclidean norm of ∇L (absolute) accepted at a minimum. Default 1e-9, consistent with
    /// <see cref="LossTolerance"/>: near the manifold ‖∇L‖ ≈ √(2 L ‖H‖).
    /// </summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>
    /// relTol: a per-sample Hessian eigenvalue h counts as curvature (its eigenvector spans a normal direction)
    /// when |h| &gt; relTol × (largest |eigenvalue| of all per-sample Hessians); the same relative cut on singular
    /// values decides the rank when those directions are orthonormalized. Default 1e-9: symmetric eigenvalues
    /// are accurate to about 1e-16·d relative, so this is far above round-off, and a normal curvature below it
    /// changes any exponent by at most η·relTol·h_max, indistinguishable from 0.
    /// </summary>
    public double NormalSpaceTolerance { get; init; } = 1e-9;

    /// <summary>
    /// An exponent computed without Monte Carlo error (μ, exact λ) with |value| ≤ this is reported as the
    /// boundary case the theorems leave open (verdict Inconclusive). Default 1e-12, a few hundred ulps of the
    /// O(1) logarithms averaged: round-off, not mathematics, decides signs below it.
    /// </summary>
    public double ExponentTolerance { get; init; } = 1e-12;

    /// <summary>
    /// k, how many of the largest Lyapunov exponents to report in <see cref="StabilityReport.Spectrum"/> (clamped to r).
    /// Default 1, the top exponent λ only; with k = r their sum is checked against E log|det A_ξ|. Each extra exponent
    /// adds O(B·r) work per step.
    /// </summary>
    public int SpectrumSize { get; init; } = 1;

    /// <summary>
    /// The most measured steps (summed over chains) a Lyapunov estimate may use: the run doubles its length, until the
    /// next doubling would exceed this, while it misses <see cref="StandardErrorTarget"/> or the verdict on λ is
    /// undecided. Default 3 200 000, four times <see cref="Steps"/> × <see cref="Chains"/>; set it to that product to
    /// keep every run within the default length. A run stopped here above its target says so
    /// (<see cref="StabilityFinding.StandardErrorTargetMissed"/>).
    /// </summary>
    public long MaxSteps { get; init; } = 3_200_000;

    /// <summary>
    /// The standard error at which a Lyapunov estimate stops: SE ≤ this × max(1, |λ̂|). Default 1e-3: three significant
    /// digits of λ (or 1e-3 absolute near 0), finer than any stability question asks, at some 10⁵ steps for O(1)
    /// log-increments. The rule: the run starts at <see cref="Steps"/>/8 per chain and doubles until SE meets this
    /// target and, when no bound certified the sign, λ̂ ± z·SE excludes 0 (an undecided λ̂ near 0 keeps doubling,
    /// since more steps may still decide it); it always stops at λ̂ = −∞ or at <see cref="MaxSteps"/>.
    /// </summary>
    public double StandardErrorTarget { get; init; } = 1e-3;

    /// <summary>
    /// When true, λ is always the Monte Carlo estimate (renormalized products) of the full default length
    /// (<see cref="Steps"/> per chain, then doubling only while the verdict is undecided, whatever
    /// <see cref="StandardErrorTarget"/> says), even when an exact path applies or a bound certifies the sign (the method
    /// is then "estimate"); the bounds are still reported. Default false. Use it to check the fast paths or to get chains
    /// and a convergence history of a fixed length; r = 0 and a single possible batch stay exact.
    /// </summary>
    public bool AlwaysEstimate { get; init; }

    /// <summary>
    /// Most threads used for per-sample Hessians and chains; −1 (default) lets the runtime decide.
    /// Results are bit-identical for every value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checks every property against its rule for N = <paramref name="n"/> samples; the exception names the property.</summary>
    internal void Check(int n)
    {
        const string name = "options";
        if (!(LearningRate > 0.0) || !double.IsFinite(LearningRate))
            throw ArgumentChecks.OutOfRange(name, nameof(LearningRate), LearningRate, "must be positive and finite");
        if (BatchSize < 1 || BatchSize > n)
            throw ArgumentChecks.OutOfRange(name, nameof(BatchSize), BatchSize, $"must be in [1, N] = [1, {n}]");
        if (!Enum.IsDefined(Sampling))
            throw ArgumentChecks.OutOfRange(name, nameof(Sampling), Sampling, "is not a BatchSampling value");
        if (Chains < 1)
            throw ArgumentChecks.OutOfRange(name, nameof(Chains), Chains, "must be ≥ 1");
        if (BlocksPerChain < 1 || (long)Chains * BlocksPerChain < 2)
            throw ArgumentChecks.OutOfRange(name, nameof(BlocksPerChain), BlocksPerChain, "must be ≥ 1 with Chains × BlocksPerChain ≥ 2 (a standard error needs two blocks)");
        if (Steps < BlocksPerChain)
            throw ArgumentChecks.OutOfRange(name, nameof(Steps), Steps, $"must be ≥ BlocksPerChain = {BlocksPerChain}");
        if (Transient < 0)
            throw ArgumentChecks.OutOfRange(name, nameof(Transient), Transient, "must be ≥ 0");
        if (!(ConfidenceMultiplier > 0.0) || !double.IsFinite(ConfidenceMultiplier))
            throw ArgumentChecks.OutOfRange(name, nameof(ConfidenceMultiplier), ConfidenceMultiplier, "must be positive and finite");
        if (MaxEnumeratedBatches < 1 || MaxEnumeratedBatches > 1_000_000_000_000L)
            throw ArgumentChecks.OutOfRange(name, nameof(MaxEnumeratedBatches), MaxEnumeratedBatches, "must be in [1, 1e12]");
        if (SpectrumSize < 1)
            throw ArgumentChecks.OutOfRange(name, nameof(SpectrumSize), SpectrumSize, "must be ≥ 1");
        if (!(StandardErrorTarget > 0.0) || !double.IsFinite(StandardErrorTarget))
            throw ArgumentChecks.OutOfRange(name, nameof(StandardErrorTarget), StandardErrorTarget, "must be positive and finite");
        if (MaxSteps < 0)
            throw ArgumentChecks.OutOfRange(name, nameof(MaxSteps), MaxSteps, "must be ≥ 0");
        CheckTolerance(LossTolerance, nameof(LossTolerance));
        CheckTolerance(GradientTolerance, nameof(GradientTolerance));
        CheckTolerance(ExponentTolerance, nameof(ExponentTolerance));
        if (!(NormalSpaceTolerance > 0.0 && NormalSpaceTolerance < 1.0))
            throw ArgumentChecks.OutOfRange(name, nameof(NormalSpaceTolerance), NormalSpaceTolerance, "must be in (0, 1)");
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw ArgumentChecks.OutOfRange(name, nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "must be −1 (runtime default) or ≥ 1");

        static void CheckTolerance(double value, string property)
        {
            if (!(value >= 0.0) || !double.IsFinite(value))
                throw ArgumentChecks.OutOfRange(name, property, value, "must be finite and ≥ 0");
        }
    }

    /// <summary>The settings of the λ computation.</summary>
    internal LambdaSettings Lambda() => new(
        LearningRate, BatchSize, Sampling, Seed, Chains, Transient, Steps, BlocksPerChain,
        Math.Max(MaxSteps, (long)Steps * Chains), MaxEnumeratedBatches, ConfidenceMultiplier, ExponentTolerance,
        StandardErrorTarget, SpectrumSize, AlwaysEstimate, MaxDegreeOfParallelism);
}
