namespace SgdDsl.Descent;

/// <summary>
/// Keeps a bounded, evenly thinned loss curve of a run of unknown length: every stride-th evaluation is kept, and when
/// <see cref="LossCurve.Capacity"/> points are held every other one is dropped and the stride doubles. The first point
/// stays; <see cref="Finish"/> adds the run's last.
/// </summary>
internal sealed class LossCurveRecorder
{
    private readonly List<int> steps = [];
    private readonly List<double> losses = [];
    private long stride = 1;
    private long seen;

    public void Add(int step, double loss)
    {
        if (seen++ % stride != 0) return;
        steps.Add(step);
        losses.Add(loss);
        if (steps.Count < LossCurve.Capacity) return;
        // Entry i was evaluation i·stride, so the even entries are exactly those of stride 2·stride.
        for (var i = 0; 2 * i < steps.Count; i++)
        {
            steps[i] = steps[2 * i];
            losses[i] = losses[2 * i];
        }
        var kept = (steps.Count + 1) / 2;
        steps.RemoveRange(kept, steps.Count - kept);
        losses.RemoveRange(kept, losses.Count - kept);
        stride *= 2;
    }

    /// <summary>The curve ending at (<paramref name="step"/>, <paramref name="loss"/>), which replaces a kept point of the same step.</summary>
    public LossCurve Finish(int step, double loss)
    {
        if (steps.Count > 0 && steps[^1] == step)
            losses[^1] = loss;
        else
        {
            steps.Add(step);
            losses.Add(loss);
        }
        return new LossCurve([.. steps], [.. losses]);
    }
}
