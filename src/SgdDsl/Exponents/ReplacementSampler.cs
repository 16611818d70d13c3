namespace SgdDsl.Exponents;

/// <summary>B independent uniform indices per batch (repeats allowed).</summary>
internal sealed class ReplacementSampler(int sampleCount, int batchSize, Random random)
    : BatchSampler(sampleCount, batchSize, random)
{
    public override int Next(Span<int> batch)
    {
        for (var j = 0; j < BatchSize; j++)
            batch[j] = Random.Next(SampleCount);
        return BatchSize;
    }
}
