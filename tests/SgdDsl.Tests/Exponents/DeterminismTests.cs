using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>Same seed, same bits: chains are independent and combined in chain order, whatever the thread count.</summary>
public class DeterminismTests
{
    private static StabilityReport Run(int maxDegreeOfParallelism, int seed = 1) =>
        Stability.Analyze(new TwoFeatureLinearModel(),
            TwoFeatureLinearModel.WithFeatures((1.0, 0.0), (0.6, 0.8), (0.3, -1.1)),
            [0.0, 0.0],
            new StabilityOptions
            {
                LearningRate = 0.9, Steps = 5_000, Transient = 100, Chains = 5, BlocksPerChain = 5,
                Seed = seed, MaxDegreeOfParallelism = maxDegreeOfParallelism, AlwaysEstimate = true, SpectrumSize = 2,
            });

    [Fact]
    public void Lambda_is_bit_identical_for_any_degree_of_parallelism()
    {
        var serial = Run(1);
        foreach (var parallel in new[] { 2, 3, -1 })
        {
            var other = Run(parallel);
            Assert.Equal(BitConverter.DoubleToInt64Bits(serial.Lambda), BitConverter.DoubleToInt64Bits(other.Lambda));
            Assert.Equal(BitConverter.DoubleToInt64Bits(serial.LambdaStandardError), BitConverter.DoubleToInt64Bits(other.LambdaStandardError));
            Assert.Equal(serial.ChainLambdas, other.ChainLambdas);
            Assert.Equal(serial.Spectrum, other.Spectrum);
            Assert.Equal(serial.Steps, other.Steps);
        }
    }

    [Fact]
    public void Another_seed_gives_another_sample_path()
    {
        Assert.NotEqual(Run(-1, seed: 1).Lambda, Run(-1, seed: 2).Lambda);
    }

    [Fact]
    public void Chains_differ_from_each_other()
    {
        var chains = Run(-1).ChainLambdas;
        Assert.Equal(chains.Length, chains.Distinct().Count());
    }
}
