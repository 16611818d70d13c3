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
}
