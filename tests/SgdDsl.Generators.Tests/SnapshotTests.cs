using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

public class SnapshotTests
{
    [Fact]
    public void ProductModel_sample_generates_the_approved_code()
    {
        var source = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "samples", "ProductModel", "ProductModel.cs"));
        Snapshot.Verify(GeneratorHarness.GeneratedSource(source), "SnapshotTests.ProductModel");
    }
}
