namespace SgdDsl.Exponents;

/// <summary>
/// Random reshuffling: a fresh uniform permutation each epoch, handed out in consecutive batches of B; the last
/// batch of an epoch holds the N mod B leftover samples when B does not divide N.
/// </summary>
internal sealed class ReshufflingSampler : BatchSampler
{
    private readonly int[] order;
    private int position;

    public ReshufflingSampler(int sampleCount, int batchSize, Random random)
        : base(sampleCount, batchSize, random)
    {
        order = new int[sampleCount];
        for (var i = 0; i < sampleCount; i++)
            order[i] = i;
        position = sampleCount;
    }

    public override int StepsPerEpoch => StepsPerEpochOf(BatchSampling.Reshuffling, SampleCount, BatchSize);

    public override int Next(Span<int> batch)
    {
        if (position == SampleCount)
        {
            for (var j = SampleCount - 1; j > 0; j--)
            {
                var pick = Random.Next(j + 1);
                (order[j], order[pick]) = (order[pick], order[j]);
            }
            position = 0;
        }
        var size = Math.Min(BatchSize, SampleCount - position);
        order.AsSpan(position, size).CopyTo(batch);
        position += size;
        return size;
    }
}
