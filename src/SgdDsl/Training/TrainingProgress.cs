namespace SgdDsl;

/// <summary>A point of the loss curve as training reaches it, for progress displays.</summary>
/// <param name="Step">Steps taken so far.</param>
/// <param name="Loss">The mean loss L after <paramref name="Step"/> steps.</param>
/// <param name="MaxSteps">The most steps the run will take (<see cref="TrainingOptions.MaxSteps"/>).</param>
public readonly record struct TrainingProgress(int Step, double Loss, int MaxSteps);
