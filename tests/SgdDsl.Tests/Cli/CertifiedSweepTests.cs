using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace SgdDsl.Tests.Cli;

/// <summary>
/// Two unit vectors at 60°, ℓ_i = ½(g_iᵀθ)², B = 1, swept over η through the command line: every row's λ is the
/// exponent (never a bound) and agrees with an independent long renormalized product of 2×2 matrices written here,
/// within 4 combined standard errors or 3e-3 (a two-sided miss rate of 6e-5 per row for normal errors); where the
/// bounds, also computed here, exclude 0 the row says "certified" and names the bound.
/// </summary>
public sealed class CertifiedSweepTests : IDisposable
{
    private static readonly double[] Etas = [0.3, 0.5, 1, 1.5, 1.8, 2.2, 2.5, 3];
    private static readonly (double X, double Y)[] G = [(1, 0), (0.5, Math.Sqrt(3) / 2)];
    private readonly string _dir = Directory.CreateTempSubdirectory("sgd-certified-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_row_reports_the_exponent_and_certifies_the_sign_where_the_bounds_allow()
    {
        var data = Path.Combine(_dir, "plane.csv");
        File.WriteAllText(data, "g1,g2,y\n" + string.Join("\n", G.Select(g => FormattableString.Invariant($"{g.X:R},{g.Y:R},0"))) + "\n");
        var (code, output, error) = CliRunner.Run("sweep", "--loss", "0.5*(g1*a + g2*b - y)^2", "--params", "a,b", "--data", data,
            "--at", "0,0", "--eta", string.Join(",", Etas.Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture))), "--batch", "1", "--quiet");
        Assert.True(code == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(Etas.Length, rows.Length);

        foreach (var row in rows)
        {
            var eta = row.GetProperty("eta").GetDouble();
            var lambda = row.GetProperty("lambda").GetDouble();
            var se = row.GetProperty("lambdaStdErr").GetDouble();
            var (reference, referenceSe) = LongRun(eta, seed: 97 + (int)(eta * 10));
            var tolerance = Math.Max(4 * Math.Sqrt(se * se + referenceSe * referenceSe), 3e-3);
            Assert.True(Math.Abs(lambda - reference) <= tolerance, $"η = {eta}: row λ = {lambda} ± {se}, long run {reference} ± {referenceSe}");

            // det A_i = 1 − η, so (1/r) E log|det A_ξ| = ½ log|1 − η|; the mean-square bound from the 4×4 E[A⊗A].
            var lower = 0.5 * Math.Log(Math.Abs(1 - eta));
            var upper = 0.5 * Math.Log(MeanSquareRadius(eta));
            Assert.Equal(lower, Double(row, "lambdaLower"), 1e-12);
            Assert.Equal(upper, Double(row, "lambdaUpper"), 1e-12);
            var certifiable = upper < 0 || lower > 0;
            Assert.Equal(certifiable ? "certified" : "estimate", row.GetProperty("lambdaMethod").GetString());
            Assert.NotEqual(upper, lambda);
            Assert.NotEqual(lower, lambda);
            if (certifiable)
            {
                Assert.Equal(upper < 0 ? "stable" : "unstable", row.GetProperty("sgdVerdict").GetString());
                Assert.Equal(upper < 0 ? "upper" : "lower", row.GetProperty("certifiedBy").GetString());
                Assert.True(se > 0);
            }
            else
                Assert.Equal(JsonValueKind.Null, row.GetProperty("certifiedBy").ValueKind);
        }

        // η = 1: A_i are projections and λ = ½ log cos 60° = −0.34657 exactly (THEORY.md).
        var one = rows.Single(r => r.GetProperty("eta").GetDouble() == 1.0);
        Assert.True(Math.Abs(one.GetProperty("lambda").GetDouble() - 0.5 * Math.Log(0.5)) <= 4 * one.GetProperty("lambdaStdErr").GetDouble());
    }

    private static double Double(JsonElement row, string key)
    {
        var v = row.GetProperty(key);
        return v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>ρ(½ Σ A_i ⊗ A_i), A_i = I − η g_i g_iᵀ, by a dense symmetric eigen-decomposition.</summary>
    private static double MeanSquareRadius(double eta)
    {
        var m = Matrix<double>.Build.Dense(4, 4);
        foreach (var (x, y) in G)
        {
            var a = Matrix<double>.Build.DenseOfArray(new[,] { { 1 - eta * x * x, -eta * x * y }, { -eta * x * y, 1 - eta * y * y } });
            m += 0.5 * a.KroneckerProduct(a);
        }
        return m.Evd(Symmetricity.Symmetric).EigenValues.Max(e => Math.Abs(e.Real));
    }

    /// <summary>λ̂ ± SE of one renormalized chain of 2×2 products, 2·10⁶ steps after 10⁴ discarded, batch means over 40 blocks.</summary>
    private static (double Mean, double Se) LongRun(double eta, int seed)
    {
        const int blocks = 40, perBlock = 50_000;
        var random = new Random(seed);
        double v0 = 0.6, v1 = 0.8;
        var means = new double[blocks];
        for (var t = -10_000; t < blocks * perBlock; t++)
        {
            var (x, y) = G[random.Next(2)];
            var dot = x * v0 + y * v1;
            var (w0, w1) = (v0 - eta * x * dot, v1 - eta * y * dot);
            var norm = Math.Sqrt(w0 * w0 + w1 * w1);
            (v0, v1) = (w0 / norm, w1 / norm);
            if (t >= 0) means[t / perBlock] += Math.Log(norm) / perBlock;
        }
        var mean = means.Average();
        var variance = means.Sum(m => (m - mean) * (m - mean)) / (blocks - 1);
        return (mean, Math.Sqrt(variance / blocks));
    }
}
