using System.Collections.Concurrent;

namespace SgdDsl.Cli.Commands.Sweeps;

/// <summary>
/// Computes grid points in parallel (one analysis per thread, each single-threaded so the numbers do not depend on the
/// thread count), brings each position to the manifold by Minimize once, and hands rows to <c>write</c> in grid order
/// as soon as every earlier pending point is done, so an interruption loses at most the points in flight.
/// </summary>
internal sealed class SweepRunner(ILossModel model, Dataset data, BatchSampling sampling, int seed, long? maxSteps)
{
    public int Run(SweepGrid grid, IReadOnlyList<long> pending, int threads, Action<string> write, Action? advanced)
    {
        var minima = new ConcurrentDictionary<int, Lazy<MinimizeResult?>>();
        var done = new string?[pending.Count];
        var next = 0;
        var gate = new object();
        var failures = 0;
        Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            var g = grid[pending[k]];
            var outcome = Compute(g, minima.GetOrAdd(g.PositionIndex, _ => new Lazy<MinimizeResult?>(() => Minimize(g.Position.Start))).Value);
            if (outcome.Status != PointStatus.Ok) Interlocked.Increment(ref failures);
            lock (gate)
            {
                done[k] = outcome.Row;
                while (next < done.Length && done[next] is { } ready)
                {
                    write(ready);
                    done[next++] = null;
                }
                advanced?.Invoke();
            }
        });
        return failures;
    }

    private MinimizeResult? Minimize(double[] start)
    {
        try
        {
            return Stability.Minimize(model, data, start);
        }
        catch (ArithmeticException)
        {
            return null;
        }
    }

    private PointOutcome Compute(GridPoint g, MinimizeResult? minimum)
    {
        if (minimum is null)
            return SweepRow.Failed(g, PointStatus.Failed, "Minimize met a non-finite loss or derivative.", null);
        var options = new StabilityOptions
        {
            LearningRate = g.LearningRate,
            BatchSize = g.BatchSize,
            Sampling = sampling,
            Seed = seed,
            MaxDegreeOfParallelism = 1,
        };
        if (maxSteps is { } m) options = options with { MaxSteps = m };
        try
        {
            var report = Stability.Analyze(model, data, minimum.Point, options);
            return SweepRow.Ok(g, report, minimum.DistanceMoved);
        }
        catch (NotAMinimumException e)
        {
            return SweepRow.Failed(g, PointStatus.NotAMinimum, e.Message, minimum.Point);
        }
        catch (ArithmeticException e)
        {
            return SweepRow.Failed(g, PointStatus.Failed, e.Message, minimum.Point);
        }
    }
}
