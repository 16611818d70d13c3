namespace SgdDsl;

/// <summary>The outcome of <see cref="Training.Run"/>.</summary>
public sealed class TrainingResult
{
    /// <summary>The model's name.</summary>
    public required string Model { get; init; }

    /// <summary>The names of the coordinates of θ, in order.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>The options the run used.</summary>
    public required TrainingOptions Options { get; init; }

    /// <summary>N, the number of samples.</summary>
    public required int SampleCount { get; init; }

    /// <summary>The samples per step: N for GD, <see cref="TrainingOptions.BatchSize"/> for SGD.</summary>
    public int BatchSize => Options.Method == TrainingMethod.GD ? SampleCount : Options.BatchSize;

    /// <summary>The point reached (length d), finite in every coordinate.</summary>
    public required double[] EndPoint { get; init; }

    /// <summary>L at <see cref="EndPoint"/> (not finite only when the run diverged there).</summary>
    public required double EndLoss { get; init; }

    /// <summary>‖∇L‖ at <see cref="EndPoint"/> (not finite only when the run diverged there).</summary>
    public required double EndGradientNorm { get; init; }

    /// <summary>L at the start point.</summary>
    public required double StartLoss { get; init; }

    /// <summary>Steps taken: the end point is θ_Steps.</summary>
    public required int Steps { get; init; }

    /// <summary>Why the run stopped.</summary>
    public required TrainingStopReason StopReason { get; init; }

    /// <summary>‖EndPoint − start‖, the Euclidean distance from the start to the end point.</summary>
    public required double DistanceTravelled { get; init; }

    /// <summary>The loss curve, thinned; its last point is (<see cref="Steps"/>, <see cref="EndLoss"/>).</summary>
    public required LossCurve History { get; init; }
}
