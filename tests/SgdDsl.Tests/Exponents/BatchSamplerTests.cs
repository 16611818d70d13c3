using SgdDsl.Exponents;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// The samplers draw the distributions the exponents assume. Frequencies are tested by Pearson's χ² with the
/// critical value at a 1e-6 upper tail (fixed seeds make the tests deterministic; the tiny tail only guards
/// against a seed change turning a correct sampler red).
/// </summary>
public class BatchSamplerTests
{
    private static double ChiSquare(IEnumerable<int> counts, double expected) =>
        counts.Sum(c => (c - expected) * (c - expected) / expected);

    [Fact]
    public void Without_replacement_draws_every_subset_equally_often_without_repeats()
    {
        // N = 4, B = 2: 6 subsets; χ²(5 dof) upper 1e-6 quantile is 35.9.
        var sampler = new SubsetSampler(4, 2, new Random(7));
        var counts = new Dictionary<(int, int), int>();
        var batch = new int[2];
        const int draws = 60_000;
        for (var t = 0; t < draws; t++)
        {
            Assert.Equal(2, sampler.Next(batch));
            Assert.NotEqual(batch[0], batch[1]);
            var key = (Math.Min(batch[0], batch[1]), Math.Max(batch[0], batch[1]));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        Assert.Equal(6, counts.Count);
        Assert.True(ChiSquare(counts.Values, draws / 6.0) < 35.9);
    }

    [Fact]
    public void With_replacement_draws_every_ordered_pair_equally_often()
    {
        // N = 3, B = 2: 9 ordered pairs including repeats; χ²(8 dof) upper 1e-6 quantile is 41.8.
        var sampler = new ReplacementSampler(3, 2, new Random(7));
        var counts = new int[9];
        var batch = new int[2];
        const int draws = 90_000;
        for (var t = 0; t < draws; t++)
        {
            sampler.Next(batch);
            counts[batch[0] * 3 + batch[1]]++;
        }
        Assert.True(ChiSquare(counts, draws / 9.0) < 41.8);
    }

    [Fact]
    public void Reshuffling_uses_every_sample_once_per_epoch_with_a_smaller_last_batch()
    {
        var sampler = new ReshufflingSampler(7, 3, new Random(7));
        Assert.Equal(3, sampler.StepsPerEpoch);
        var batch = new int[3];
        for (var epoch = 0; epoch < 50; epoch++)
        {
            var seen = new List<int>();
            foreach (var expectedSize in new[] { 3, 3, 1 })
            {
                Assert.Equal(expectedSize, sampler.Next(batch));
                seen.AddRange(batch.Take(expectedSize));
            }
            Assert.Equal(Enumerable.Range(0, 7), seen.Order());
        }
    }

    [Theory]
    [InlineData(5, 2, 10)]
    [InlineData(10, 0, 1)]
    [InlineData(52, 5, 2_598_960)]
    [InlineData(30, 15, 155_117_520)]
    public void Binomial_counts_are_exact(int n, int k, long expected)
    {
        Assert.Equal(expected, Combinatorics.BinomialAtMost(n, k, long.MaxValue / 64));
        Assert.Equal(-1, Combinatorics.BinomialAtMost(n, k, expected - 1));
    }

    [Fact]
    public void Seeds_of_different_chains_and_streams_differ()
    {
        var seeds = new HashSet<int>();
        for (var stream = 1; stream <= 2; stream++)
        for (var chain = 0; chain < 100; chain++)
            seeds.Add(SeedStreams.Derive(1, stream, chain));
        Assert.Equal(200, seeds.Count);
    }
}
