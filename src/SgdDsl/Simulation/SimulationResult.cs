namespace SgdDsl;

/// <summary>
/// The outcome of <see cref="Simulation.Run"/>: every trial, the counts of each outcome, the fraction that accumulated
/// at x* with a Wilson interval, and the growth rate of the normal distance, to compare with λ.
/// </summary>
public sealed class SimulationResult
{
    /// <summary>The model's name.</summary>
    public required string Model { get; init; }

    /// <summary>x*, the minimum the trials start near (a copy).</summary>
    public required double[] Minimum { get; init; }

    /// <summary>The options the simulation ran with.</summary>
    public required SimulationOptions Options { get; init; }

    /// <summary>N, the number of samples.</summary>
    public required int SampleCount { get; init; }

    /// <summary>r = dim N at x*; start directions lie in N unless r = 0.</summary>
    public required int NormalDimension { get; init; }

    /// <summary>Every trial, in index order.</summary>
    public required IReadOnlyList<SimulationTrial> Trials { get; init; }

    /// <summary>Trials that ended at a zero-loss point within R of x*.</summary>
    public required int Accumulated { get; init; }

    /// <summary>Trials that ended farther than R from x*.</summary>
    public required int Escaped { get; init; }

    /// <summary>Trials that overflowed or produced NaN.</summary>
    public required int Diverged { get; init; }

    /// <summary>Trials still within R of x* but not at zero loss after all steps.</summary>
    public required int Unsettled { get; init; }

    /// <summary>Accumulated / trials.</summary>
    public double AccumulatedFraction => Trials.Count == 0 ? 0.0 : (double)Accumulated / Trials.Count;

    /// <summary>Lower end of the Wilson score interval on <see cref="AccumulatedFraction"/> (z = <see cref="SimulationOptions.IntervalZ"/>).</summary>
    public required double AccumulatedLower { get; init; }

    /// <summary>Upper end of the Wilson score interval on <see cref="AccumulatedFraction"/>.</summary>
    public required double AccumulatedUpper { get; init; }

    /// <summary>
    /// The growth rate of the log normal distance per step over the linear regime, pooled over trials:
    /// Σ_j log(D_τj/D₀) / Σ_j τ_j, the least-squares fit of one constant to all per-step increments of log D. Pooling
    /// the increments (rather than averaging per-trial slopes) makes it consistent although each window ends at a
    /// random time (Wald's identity). It estimates λ; NaN when no trial has a fit window.
    /// </summary>
    public required double GrowthRate { get; init; }

    /// <summary>Standard error of <see cref="GrowthRate"/> (ratio estimator over trials; NaN with fewer than two fits).</summary>
    public required double GrowthRateStandardError { get; init; }

    /// <summary>Σ_j τ_j, the steps the growth rate was fitted on.</summary>
    public required long GrowthRateSteps { get; init; }

    /// <summary>Remarks (fallbacks, degenerate cases) in plain sentences.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
