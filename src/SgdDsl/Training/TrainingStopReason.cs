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

    /// <summary>The cancellation token was cancelled; the end point is the last completed step's.</summary>
    Cancelled,
}
