namespace SgdDsl;

/// <summary>Why <see cref="Training.Run"/> stopped.</summary>
public enum TrainingStopReason
{
    /// <summary>The mean loss L fell below <see cref="TrainingOptions.LossTarget"/>.</summary>
    LossTarget,

    /// <summary><see cref="TrainingOptions.MaxSteps"/> steps were taken.</summary>
    MaxSteps,

    /// <summary>
    /// The run diverged: a loss, a gradient or the next point was not finite (or the model threw an
    /// <see cref="ArithmeticException"/>), or the mean loss exceeded <see cref="TrainingOptions.DivergenceFactor"/>
    /// times the start loss. The end point is the last point reached with finite coordinates.
    /// </summary>
    Diverged,

    /// <summary>
    /// The cancellation token was cancelled. The end point is the last point reached with a known loss: for GD the point
    /// whose gradient was last completed (the step under way when the token fired is dropped), for SGD the point the last
    /// completed step reached (then evaluated once).
    /// </summary>
    Cancelled,
}
