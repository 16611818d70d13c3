using System.Text.Json;
using ScottPlot.Plottables;
using SgdDsl.Cli;
using SgdDsl.CommandLine;
using SgdDsl.CommandLine.Commands;

namespace SgdDsl.Plots.Tests;

/// <summary>
/// The λ curve of an exponent chart is the rows' λ, whatever path produced each value: a sweep of the 60° plane
/// (ℓ_i = ½(g_iᵀθ)²) gives certified estimates, a plain estimate at η = 2 (both bounds 0) and, with B = N, exact values.
/// </summary>
public sealed class ExponentSeriesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sgd-series-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_lambda_line_is_drawn_from_the_rows_lambda_at_every_eta()
    {
        var data = Path.Combine(_dir, "plane.csv");
        File.WriteAllText(data, "g1,g2,y\n1,0,0\n0.5,0.8660254037844386,0\n");
        var rowsPath = Path.Combine(_dir, "rows.jsonl");
        var code = CommandLineApp.Run(["sweep", "--loss", "0.5*(g1*a + g2*b - y)^2", "--params", "a,b", "--data", data, "--at", "0,0",
            "--eta", "0.3,1,2,2.5", "--batch", "1,N", "--out", rowsPath, "--quiet"], TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, code);
        var json = File.ReadAllLines(rowsPath).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var methods = json.Select(r => r.GetProperty("lambdaMethod").GetString()).ToHashSet();
        Assert.Equal(["certified", "estimate", "exact"], methods.Order());

        var rows = PlotInput.Rows(rowsPath, File.ReadAllText(rowsPath), out _);
        foreach (var batch in rows.GroupBy(r => r.BatchSize))
        {
            var curve = PlotCommand.Curve(batch.ToList(), null, "rows.jsonl", "position");
            var drawn = ExponentChart.Build(curve).GetPlottables().OfType<Scatter>().Where(s => s.Color == Palette.Lambda)
                .SelectMany(s => s.Data.GetScatterPoints()).OrderBy(c => c.X).ToArray();
            var expected = json.Where(r => r.GetProperty("batchSize").GetInt32() == batch.Key)
                .Select(r => (Eta: r.GetProperty("eta").GetDouble(), Lambda: r.GetProperty("lambda").GetDouble())).OrderBy(p => p.Eta).ToArray();
            Assert.Equal(expected.Select(p => p.Eta), drawn.Select(c => c.X));
            Assert.Equal(expected.Select(p => p.Lambda), drawn.Select(c => c.Y));
        }
    }
}
