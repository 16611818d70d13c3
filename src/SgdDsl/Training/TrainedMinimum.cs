namespace SgdDsl;

/// <summary>
/// The outcome of <see cref="Training.RunAndPolish"/>: where training stopped, and the nearby zero-loss point that
/// <see cref="Stability.Minimize"/> found from there, on which the stability analysis runs.
/// </summary>
public sealed class TrainedMinimum
{
    /// <summary>
    /// The polish counts as a large move when <see cref="Moved"/> exceeds this fraction of the distance training travelled
    /// (<see cref="TrainingResult.DistanceTravelled"/>): 0.1. Below it the polished point is, to a tenth of the scale of
    /// the trajectory, the point training found; above it the analysis describes a minimum training did not reach.
    /// </summary>
    public const double LargeMoveFraction = 0.1;

    /// <summary>The training run.</summary>
    public required TrainingResult Training { get; init; }

    /// <summary>The polish, or null when there was none (the run diverged or was cancelled).</summary>
    public MinimizeResult? Polish { get; init; }

    /// <summary>True when the end point was polished; <see cref="Point"/> is then the polished point.</summary>
    public bool Polished => Polish is not null;

    /// <summary>The point to analyse: the polished point, or the training end point when not polished.</summary>
    public double[] Point => Polish?.Point ?? Training.EndPoint;

    /// <summary>L at <see cref="Point"/>.</summary>
    public double Loss => Polish?.Loss ?? Training.EndLoss;

    /// <summary>‖∇L‖ at <see cref="Point"/>.</summary>
    public double GradientNorm => Polish?.GradientNorm ?? Training.EndGradientNorm;

    /// <summary>‖Point − Training.EndPoint‖, how far the polish moved the end point; 0 when not polished.</summary>
    public double Moved => Polish?.DistanceMoved ?? 0.0;

    /// <summary>
    /// True when the polish moved the point by more than <see cref="LargeMoveFraction"/> times the distance training
    /// travelled: training had not come close to the manifold (or travelled almost nowhere), and the analysed minimum is
    /// not the one it was heading for. Reports should say so.
    /// </summary>
    public bool MoveIsLarge => Polished && Moved > LargeMoveFraction * Training.DistanceTravelled;
}
