using SgdDsl;

namespace MinimaSelection;

/// <summary>
/// One minimum the experiment found, trained by <see cref="Method"/> at (η, B) and polished, with its stability report
/// under <see cref="AnalysedBatch"/> (the training's own batch, or another one in the batch sweep).
/// </summary>
public sealed record FoundMinimum
{
    /// <summary>The task: e.g. "3 vs 8 (±1)" or "one-hot (10 classes)".</summary>
    public required string Task { get; init; }

    /// <summary>GD or SGD.</summary>
    public required TrainingMethod Method { get; init; }

    /// <summary>η of training and of the analysis.</summary>
    public required double LearningRate { get; init; }

    /// <summary>The training's batch: N for GD.</summary>
    public required int TrainingBatch { get; init; }

    /// <summary>The batch size the report analyses (SGD with B = N is GD).</summary>
    public required int AnalysedBatch { get; init; }

    /// <summary>The training run and its polish.</summary>
    public required TrainedMinimum Trained { get; init; }

    /// <summary>
    /// The sharpness at the point where training stopped (before the polish): the top eigenvalue of the Gauss–Newton
    /// matrix (1/N) Σ 2c·J_iᵀJ_i there, which is the Hessian up to the residuals (about √(2·LossTarget)).
    /// </summary>
    public required double EndSharpness { get; init; }

    /// <summary>The stability report of the polished point under (η, <see cref="AnalysedBatch"/>).</summary>
    public required StabilityReport Report { get; init; }

    /// <summary>
    /// GD's exponent along the top direction where training stopped, log|1 − η·a_end| (a_end = <see cref="EndSharpness"/>):
    /// ≤ 0 where GD can settle. At the edge of stability GD stops still hovering at η·a_end ≈ 2, so this is ≈ 0.
    /// </summary>
    public double EndTopExponent => Math.Log(Math.Abs(1 - LearningRate * EndSharpness));

    /// <summary>
    /// How far above 0 μ may be at a polished GD minimum, from what was measured: the top factor is η·a − 1 =
    /// (η·a_end − 1) + η·(a − a_end), so μ ≤ log(max(1, |1 − η·a_end|) + η·max(0, a − a_end)): where training stopped,
    /// plus what the polish added to the sharpness. The small eigenvalues give 1 − η·h &lt; 1, never more. Plus 1e-9 for
    /// round-off in the two sharpness computations (relative 1e-10 at a ≈ 2/η).
    /// </summary>
    public double MuTolerance =>
        Math.Log(Math.Max(1.0, Math.Abs(1 - LearningRate * EndSharpness)) + LearningRate * Math.Max(0.0, Report.Sharpness - EndSharpness)) + 1e-9;

    /// <summary>The theorem for a GD-found minimum: μ ≤ 0 up to the polish (<see cref="MuTolerance"/>).</summary>
    public bool MuWithinPolish => Report.Mu <= MuTolerance;

    /// <summary>The theorem for a minimum SGD can settle at: λ ≤ 3·SE (not unstable).</summary>
    public bool LambdaNotPositive => Report.Lambda <= Report.ConfidenceMultiplier * Report.LambdaStandardError;

    /// <summary>Sharpness over the GD threshold 2/η: 1 at the edge of stability.</summary>
    public double SharpnessRatio => Report.Sharpness * LearningRate / 2.0;

    /// <summary>A short label: "GD η = 0.1" or "SGD η = 0.1, B = 2".</summary>
    public string Label => Method == TrainingMethod.GD
        ? $"GD η = {Numbers.Short(LearningRate)}"
        : $"SGD η = {Numbers.Short(LearningRate)}, B = {TrainingBatch}";
}
