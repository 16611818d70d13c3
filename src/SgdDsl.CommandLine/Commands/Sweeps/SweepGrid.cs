using System.Globalization;
using SgdDsl.Rendering;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>One grid point: a start, η and B, with its grid index and stable key.</summary>
internal sealed record GridPoint(long Index, int PositionIndex, StartPoint Position, double LearningRate, int BatchSize, string Key);

/// <summary>
/// The sweep grid: positions × η × B, positions varying slowest and B fastest, so index = (p·|η| + e)·|B| + b.
/// A point's key names the model, start, η, B, sampling and seed by value (round-trip numbers), so it identifies the
/// computation even when a resumed sweep is given a grid that lists it at another index.
/// </summary>
internal sealed class SweepGrid(string model, IReadOnlyList<StartPoint> positions, double[] etas, int[] batches, BatchSampling sampling, int seed)
{
    /// <summary>
    /// The most grid points a sweep takes (positions × η × B, and each of them alone): checked before a list is
    /// allocated, so a typo like <c>--eta 0.1:0.2:2000000000</c> is refused at once. Split larger studies into sweeps.
    /// </summary>
    public const long MaxPoints = 1_000_000;

    public long Count => (long)positions.Count * etas.Length * batches.Length;

    public GridPoint this[long index]
    {
        get
        {
            var b = (int)(index % batches.Length);
            var e = (int)(index / batches.Length % etas.Length);
            var p = (int)(index / batches.Length / etas.Length);
            var start = string.Join(",", positions[p].Start.Select(R));
            var key = $"{model}|start={start}|eta={R(etas[e])}|B={batches[b]}|{SamplingNames.Name(sampling)}|seed={seed}";
            return new GridPoint(index, p, positions[p], etas[e], batches[b], key);
        }
    }

    /// <summary>The indices of shard <paramref name="shard"/> of <paramref name="shards"/>: every n-th, starting at i.</summary>
    public IEnumerable<long> Shard(int shard, int shards)
    {
        for (var index = (long)shard; index < Count; index += shards)
            yield return index;
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
