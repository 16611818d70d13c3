using SgdDsl.Tests.Exponents;
using static SgdDsl.Dsl;

namespace SgdDsl.Tests.EndToEnd;

/// <summary>A deep linear chain f = w0·w1·w2·x, declared with the indexed DSL in this test project.</summary>
[SgdModel]
public static partial class Chain
{
    public const int L = 3;

    [Loss]
    static double Loss([Param(L)] double[] w, [Data(2)] double[] x, double y) => 0.5 * Sq(Prod(L, k => w[k]) * (x[0] + x[1]) - y);
}

/// <summary>
/// The whole path with a generated indexed model: CSV headers from its flattened sample names,
/// Minimize onto {∏ w_k = c}, and the exponents against the closed form. With s = x0 + x1 and y = c·s,
/// the normal at w is (c/w_k)_k, so sample i's normal curvature is s_i² Σ_k (c/w_k)².
/// </summary>
public class IndexedModelPipelineTests
{
    private const double C = 1.5;

    [Fact]
    public void Csv_header_uses_the_flattened_sample_names()
    {
        Assert.Equal(["x[0]", "x[1]", "y"], Chain.Model.SampleNames);
        var path = Path.Combine(Path.GetTempPath(), $"sgddsl-chain-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "y,x[1],x[0]\n1.5,0.25,0.75\n3,1,1\n");
        try
        {
            var data = Dataset.FromCsv(path, Chain.Model);
            Assert.Equal([0.75, 0.25, 1.5], data[0].ToArray());
            Assert.Equal([1.0, 1.0, 3.0], data[1].ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Exponents_at_a_minimized_point_match_the_closed_form()
    {
        double[] s = [1.0, 2.0, 0.5];
        var data = Dataset.FromRows(s.Select(si => new[] { 0.25 * si, 0.75 * si, C * si }).ToArray());
        var found = Stability.Minimize(Chain.Model, data, [1.4, 0.9, 1.3]);
        var w = found.Point;
        // Zero-residual least squares: LM lands on the surface to rounding.
        Assert.Equal(C, w[0] * w[1] * w[2], 1e-12);

        const double eta = 0.05;
        var report = Stability.Analyze(Chain.Model, data, w, new StabilityOptions { LearningRate = eta, BatchSize = 1 });
        var k = s.Select(si => si * si * w.Sum(wk => Math.Pow(C / wk, 2))).ToArray();
        Assert.Equal(1, report.NormalDimension);
        Assert.Equal(2, report.TangentDimension);
        // Exact paths on both sides; 1e-9 allows for w itself being on the surface only to ~1e-12.
        Assert.Equal(ClosedForms.Mu(k, eta), report.Mu, 1e-9);
        Assert.Equal(ClosedForms.LambdaWithoutReplacement(k, 1, eta), report.Lambda, 1e-9);
    }
}
