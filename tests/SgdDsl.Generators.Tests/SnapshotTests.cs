using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>The generated code of every sample model is pinned (approved files in Snapshots/).</summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("ProductModel", "ProductModel")]
    [InlineData("TwoLayerTanh", "TwoLayerTanh")]
    [InlineData("DeepLinearChain", "DeepLinearChain")]
    public void Sample_model_generates_the_approved_code(string sample, string file)
    {
        var source = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "samples", sample, file + ".cs"));
        Snapshot.Verify(GeneratorHarness.GeneratedSource(source), $"SnapshotTests.{sample}");
    }

    /// <summary>
    /// Kronecker deltas are resolved in the schedule (the p = r case is a loop or statement of its own, exclusive products
    /// skip factors): no sample's generated code multiplies by a 0/1 condition such as <c>(p - r == 0 ? 1.0 : 0.0)</c>.
    /// </summary>
    [Theory]
    [InlineData("ProductModel")]
    [InlineData("TwoLayerTanh")]
    [InlineData("DeepLinearChain")]
    public void Sample_model_code_multiplies_by_no_delta_condition(string sample)
    {
        var source = GeneratorHarness.GeneratedSource(File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "samples", sample, sample + ".cs")));
        Assert.DoesNotMatch(@"== 0 \? 1\.0 : 0\.0", source);
    }
}
