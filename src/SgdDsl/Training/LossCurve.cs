namespace SgdDsl;

/// <summary>
/// The mean loss L against the step, thinned to a few hundred points: always the first (step 0) and the last point of
/// the run, and in between the evaluations at a stride that doubles whenever <see cref="Capacity"/> points are held, so
/// a long run keeps between 256 and 512 evenly spaced points (plus its last).
/// </summary>
public sealed class LossCurve
{
    /// <summary>The most points kept before the last: 512 (thinned to 256 when reached).</summary>
    public const int Capacity = 512;

    internal LossCurve(int[] steps, double[] losses)
    {
        Steps = steps;
        Losses = losses;
    }

    /// <summary>The steps k of the points, increasing, starting at 0.</summary>
    public IReadOnlyList<int> Steps { get; }

    /// <summary>L(θ_k) at each of <see cref="Steps"/>.</summary>
    public IReadOnlyList<double> Losses { get; }
}
