namespace SgdDsl.Exponents;

/// <summary>Draws the sample indices of successive SGD batches ξ_1, ξ_2, … from one random stream.</summary>
internal abstract class BatchSampler
{
    protected BatchSampler(int sampleCount, int batchSize, Random random)
    {
        SampleCount = sampleCount;
        BatchSize = batchSize;
        Random = random;
    }

    /// <summary>N.</summary>
    public int SampleCount { get; }

    /// <summary>B, the largest batch drawn.</summary>
    public int BatchSize { get; }

    protected Random Random { get; }

    /// <summary>Steps of one epoch: ⌈N/B⌉ for reshuffling, 1 for the i.i.d. schemes (blocks and transients are whole epochs).</summary>
    public virtual int StepsPerEpoch => 1;

    /// <summary>Writes the next batch into <paramref name="batch"/> (length ≥ B) and returns its size.</summary>
    public abstract int Next(Span<int> batch);

    /// <summary>Steps of one epoch of <paramref name="sampling"/> without building a sampler.</summary>
    public static int StepsPerEpochOf(BatchSampling sampling, int sampleCount, int batchSize) =>
        sampling == BatchSampling.Reshuffling ? (sampleCount + batchSize - 1) / batchSize : 1;

    public static BatchSampler Create(BatchSampling sampling, int sampleCount, int batchSize, Random random) => sampling switch
    {
        BatchSampling.WithoutReplacement => new SubsetSampler(sampleCount, batchSize, random),
        BatchSampling.WithReplacement => new ReplacementSampler(sampleCount, batchSize, random),
        BatchSampling.Reshuffling => new ReshufflingSampler(sampleCount, batchSize, random),
        _ => throw new ArgumentOutOfRangeException(nameof(sampling), sampling, "Unknown batch sampling."),
    };
}
