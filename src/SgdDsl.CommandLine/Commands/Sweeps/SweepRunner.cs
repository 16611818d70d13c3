using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>
/// Computes grid points in parallel (one analysis per thread, each single-threaded so the numbers do not depend on the
/// thread count), brings each position to the manifold by Minimize once, and hands rows to <c>write</c> in grid order
/// as soon as every earlier pending point is done, so an interruption loses at most the points in flight. A point that
/// fails in any way becomes a "failed" row with the message, and the other points go on; only <c>write</c>'s own
/// failures (an unwritable --out) stop the sweep. Of <c>options</c>, η, B and the thread count are set per point; the
/// rest (sampling, seed, --max-steps) is used as given.
/// </summary>
internal sealed class SweepRunner(ILossModel model, Dataset data, StabilityOptions options)
{
    /// <summary>What every row of this sweep says it was computed from.</summary>
    public SweepInputs Inputs { get; } = SweepInputs.Of(model, data, options);

    public int Run(SweepGrid grid, IReadOnlyList<long> pending, int threads, Action<string> write, Action? advanced)
    {
        var minima = new ConcurrentDictionary<int, Lazy<(MinimizeResult? Result, string? Error)>>();
        var done = new string?[pending.Count];
        var next = 0;
        var gate = new object();
        var failures = 0;
        try
        {
            Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
            {
                var g = grid[pending[k]];
                var outcome = Compute(g, minima.GetOrAdd(g.PositionIndex, _ => new(() => Minimize(g.Position.Start))).Value);
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
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Only write can throw here; rethrow its exception itself (an OutputException), not the wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return failures;
    }

    private (MinimizeResult?, string?) Minimize(double[] start)
    {
        try
        {
            return (Stability.Minimize(model, data, start), null);
        }
        catch (Exception e)
        {
            return (null, $"Minimize failed: {Message(e)}");
        }
    }

    private PointOutcome Compute(GridPoint g, (MinimizeResult? Result, string? Error) minimum)
    {
        if (minimum.Result is not { } start)
            return SweepRow.Failed(g, Inputs, PointStatus.Failed, minimum.Error!, null);
        try
        {
            var report = Stability.Analyze(model, data, start.Point, options with
            {
                LearningRate = g.LearningRate,
                BatchSize = g.BatchSize,
                MaxDegreeOfParallelism = 1,
            });
            return SweepRow.Ok(g, Inputs, report, start.DistanceMoved);
        }
        catch (NotAMinimumException e)
        {
            return SweepRow.Failed(g, Inputs, PointStatus.NotAMinimum, e.Message, start.Point);
        }
        catch (Exception e)
        {
            return SweepRow.Failed(g, Inputs, PointStatus.Failed, Message(e), start.Point);
        }
    }

    // Non-finite numbers are the expected failure and speak for themselves; anything else says what kind it was.
    private static string Message(Exception e) => e is ArithmeticException ? e.Message : $"unexpected failure ({e.GetType().Name}): {e.Message}";
}
