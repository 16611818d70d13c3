using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Analysis;

/// <summary>Arguments are checked at the door, and exceptions name the argument (and, for options, the property).</summary>
public class ArgumentValidationTests
{
    private static readonly Dataset Data = ProductModel.OnLine(1.0, 0.5, 1.0, 2.0);

    private static ArgumentOutOfRangeException Rejects(StabilityOptions options) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Stability.Analyze(new ProductModel(), Data, [1.0, 1.0], options));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Learning_rate_must_be_positive_and_finite(double eta)
    {
        var ex = Rejects(new StabilityOptions { LearningRate = eta });
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("LearningRate", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Batch_size_must_be_between_one_and_n(int b)
    {
        var ex = Rejects(new StabilityOptions { BatchSize = b });
        Assert.Contains("BatchSize", ex.Message);
        Assert.Contains("[1, 3]", ex.Message);
    }

    [Fact]
    public void Monte_carlo_budget_must_allow_a_standard_error()
    {
        Assert.Contains("BlocksPerChain", Rejects(new StabilityOptions { Chains = 1, BlocksPerChain = 1 }).Message);
        Assert.Contains("Steps", Rejects(new StabilityOptions { Steps = 5, BlocksPerChain = 10 }).Message);
        Assert.Contains("Chains", Rejects(new StabilityOptions { Chains = 0 }).Message);
        Assert.Contains("MaxDegreeOfParallelism", Rejects(new StabilityOptions { MaxDegreeOfParallelism = 0 }).Message);
    }

    [Fact]
    public void Minimum_of_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Stability.Analyze(new ProductModel(), Data, [1.0], new StabilityOptions()));
        Assert.Equal("minimum", ex.ParamName);
        Assert.Contains("length 1", ex.Message);
    }

    [Fact]
    public void Non_finite_minimum_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Stability.Analyze(new ProductModel(), Data, [1.0, double.NaN], new StabilityOptions()));
        Assert.Equal("minimum", ex.ParamName);
        Assert.Contains("minimum[1]", ex.Message);
    }

    [Fact]
    public void Data_of_the_wrong_width_is_rejected()
    {
        var wide = Dataset.FromRows([[1.0, 2.0, 3.0]]);
        var ex = Assert.Throws<ArgumentException>(() => Stability.Analyze(new ProductModel(), wide, [1.0, 1.0], new StabilityOptions()));
        Assert.Equal("data", ex.ParamName);
    }

    [Fact]
    public void Null_arguments_are_rejected_by_name()
    {
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => Stability.Analyze(null!, Data, [1.0, 1.0], new StabilityOptions())).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => Stability.Analyze(new ProductModel(), Data, [1.0, 1.0], null!)).ParamName);
    }
}
