namespace SgdDsl.Exponents;

/// <summary>
/// Uniform B-subsets without replacement by a partial Fisher–Yates shuffle: O(B) per batch. The index array is
/// kept between batches; partial Fisher–Yates picks a uniform subset from any arrangement, so it needs no reset.
/// </summary>
internal sealed class SubsetSampler : BatchSampler
{
    private readonly int[] order;

    public SubsetSampler(int sampleCount, int batchSize, Random random)
        : base(sampleCount, batchSize, random)
    {
        order = new int[sampleCount];
        for (var i = 0; i < sampleCount; i++)
            order[i] = i;
    }

    public override int Next(Span<int> batch)
    {
        for (var j = 0; j < BatchSize; j++)
        {
            var pick = Random.Next(j, SampleCount);
            (order[j], order[pick]) = (order[pick], order[j]);
            batch[j] = order[j];
        }
        return BatchSize;
    }
}
