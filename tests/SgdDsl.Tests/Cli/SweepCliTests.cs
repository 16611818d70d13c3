using System.Text.Json;

namespace SgdDsl.Tests.Cli;

/// <summary>sgd-stability sweep and merge: rows, resume, shards, grid parsing and data errors.</summary>
public sealed class SweepCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sgd-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name) => Path.Combine(_dir, name);

    // 3 positions on ab = 1 × 2 learning rates × 2 batch sizes = 12 grid points, all exact (r = 1).
    private static readonly string[] Grid = ["sweep", "--path", "a=0.6:1.4:3", "--fix", "b=1/a", "--eta", "0.1:0.15:2", "--batch", "1,N"];

    private (int Code, string Output, string Error) Sweep(params string[] more) => CliRunner.Run([.. Grid, .. more]);

    private static string[] Rows(string path) => System.IO.File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();

    [Fact]
    public void Rows_carry_the_point_step_exponents_bounds_verdicts_and_Wu_Ma_E_quantities()
    {
        var (code, output, error) = Sweep("--out", File("all.jsonl"));
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("12 points computed", output);
        var rows = Rows(File("all.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(Enumerable.Range(0, 12), rows.Select(r => r.GetProperty("index").GetInt32()));
        string[] keys = ["index", "key", "position", "at", "start", "point", "eta", "batchSize", "status", "mu", "gdVerdict", "lambda", "lambdaStdErr",
            "lambdaMethod", "sgdVerdict", "lambdaLower", "lambdaUpper", "sharpness", "nonUniformity", "sharpnessThreshold", "nonUniformityThreshold"];
        foreach (var key in keys) Assert.True(rows[0].TryGetProperty(key, out _), $"missing key {key}");
        // Row 6 = (1·2 + 1)·2 + 0: position 1 (a = 1), η = 0.15, B = 1: THEORY.md's closed form with s = a² + b² = 2.
        var row = rows[6];
        Assert.Equal(1.0, row.GetProperty("at").GetProperty("a").GetDouble(), 1e-12);
        Assert.Equal(0.15, row.GetProperty("eta").GetDouble(), 1e-15);
        Assert.Equal(1, row.GetProperty("batchSize").GetInt32());
        var lambda = (Math.Log(Math.Abs(1 - 0.15 * 2 * 0.81)) + Math.Log(Math.Abs(1 - 0.15 * 2 * 6.25))) / 2;
        Assert.Equal(lambda, row.GetProperty("lambda").GetDouble(), 1e-9);
        Assert.Equal("exact", row.GetProperty("lambdaMethod").GetString());
        // B = N: λ = μ.
        Assert.Equal(rows[7].GetProperty("mu").GetDouble(), rows[7].GetProperty("lambda").GetDouble(), 1e-12);
    }

    [Fact]
    public void Resume_keeps_finished_rows_and_computes_only_the_missing_points()
    {
        var path = File("resume.jsonl");
        Assert.Equal(0, Sweep("--out", path).Code);
        var full = Rows(path);
        // An interrupted run: five finished rows, one marked so that recomputing it would show, and a row cut short
        // (no newline after it: what an interrupted write leaves).
        var marked = full[2].Replace("\"status\":\"ok\"", "\"status\":\"ok\",\"marker\":true");
        System.IO.File.WriteAllText(path, string.Join("\n", [full[0], full[1], marked, full[3], full[4], full[5][..40]]));

        var (code, output, _) = Sweep("--out", path, "--resume", "--json");
        Assert.Equal(0, code);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal(7, summary.GetProperty("computed").GetInt32());
        Assert.Equal(5, summary.GetProperty("skipped").GetInt32());
        var resumed = Rows(path);
        Assert.Equal(12, resumed.Length);
        Assert.Equal(marked, resumed[2]);
        Assert.Equal(full.Where((_, k) => k != 2), resumed.Where((_, k) => k != 2));
    }

    [Fact]
    public void Sharded_sweeps_merge_to_the_rows_of_an_unsharded_one()
    {
        Assert.Equal(0, Sweep("--out", File("all.jsonl")).Code);
        for (var i = 0; i < 3; i++)
            Assert.Equal(0, Sweep("--out", File($"shard{i}.jsonl"), "--shard", $"{i}/3", "--quiet").Code);
        Assert.Equal(4, Rows(File("shard1.jsonl")).Length);
        // Shard 0 twice: duplicates are dropped.
        var (code, output, _) = CliRunner.Run("merge", File("shard2.jsonl"), File("shard0.jsonl"), File("shard1.jsonl"), File("shard0.jsonl"), "--out", File("merged.jsonl"), "--json");
        Assert.Equal(0, code);
        Assert.Equal(4, JsonDocument.Parse(output).RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal(Rows(File("all.jsonl")), Rows(File("merged.jsonl")));
    }

    [Fact]
    public void Without_out_the_rows_go_to_stdout_and_the_thread_count_does_not_change_them()
    {
        var one = Sweep("--threads", "1");
        var two = Sweep("--threads", "2");
        Assert.Equal(0, one.Code);
        Assert.Equal(12, one.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(one.Output, two.Output);
    }

    [Theory]
    [InlineData("--eta", "0.1:0.2")]
    [InlineData("--eta", "log:-1:1:5")]
    [InlineData("--eta", "0.1:0.2:x")]
    [InlineData("--batch", "1,3")]
    [InlineData("--batch", "one")]
    [InlineData("--path", "c=0:1:3")]
    [InlineData("--fix", "b=1/")]
    [InlineData("--shard", "3/3")]
    public void Grid_errors_exit_2_naming_the_flag(string flag, string value)
    {
        string[] args = flag is "--path" or "--fix"
            ? ["sweep", "--path", flag == "--path" ? value : "a=1:2:2", "--fix", flag == "--fix" ? value : "b=1/a"]
            : ["sweep", flag, value];
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(flag + ":", error);
    }

    [Fact]
    public void Bad_points_and_data_files_exit_4_naming_file_and_line()
    {
        System.IO.File.WriteAllLines(File("points.csv"), ["a,b", "1,1", "2,oops"]);
        var (code, _, error) = CliRunner.Run("sweep", "--points", File("points.csv"));
        Assert.Equal(4, code);
        Assert.Contains("points.csv, line 3, column 2", error);

        System.IO.File.WriteAllLines(File("data.csv"), ["x,y", "0.9,0.9", "2.5"]);
        (code, _, error) = CliRunner.Run("sweep", "--data", File("data.csv"));
        Assert.Equal(4, code);
        Assert.Contains("data.csv", error);

        System.IO.File.WriteAllLines(File("broken.jsonl"), ["not json", "{\"index\":1,\"key\":\"k\"}"]);
        (code, _, error) = CliRunner.Run("merge", File("broken.jsonl"));
        Assert.Equal(4, code);
        Assert.Contains("line 1", error);
    }

    [Fact]
    public void Points_file_starts_are_brought_to_the_manifold()
    {
        System.IO.File.WriteAllLines(File("points.csv"), ["a,b", "1.3,0.9", "0.7,1.5"]);
        var (code, output, _) = CliRunner.Run("sweep", "--points", File("points.csv"));
        Assert.Equal(0, code);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var row = JsonDocument.Parse(line).RootElement;
            Assert.Equal("ok", row.GetProperty("status").GetString());
            var p = row.GetProperty("point").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(1.0, p[0] * p[1], 1e-10);
            Assert.True(row.GetProperty("moved").GetDouble() > 0.01);
        }
    }

    [Fact]
    public void Points_without_a_minimum_keep_their_status_and_are_counted_as_failed()
    {
        System.IO.File.WriteAllLines(File("data.csv"), ["x,y", "0.9,0.9", "2.5,2.5"]);
        // A constant 0.1 added to the product loss: Minimize reaches a·b = 1, but L = 0.1 there, so no point is a global minimum.
        var (code, output, _) = CliRunner.Run("sweep", "--loss", "0.5*(a*b*x - y)^2 + 0.1", "--params", "a,b", "--data", File("data.csv"),
            "--at", "1,1", "--eta", "0.1,0.2", "--out", File("none.jsonl"), "--json");
        Assert.Equal(0, code);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("failed").GetInt32());
        Assert.All(Rows(File("none.jsonl")), l => Assert.Equal("not-a-minimum", JsonDocument.Parse(l).RootElement.GetProperty("status").GetString()));

        (code, output, _) = CliRunner.Run("sweep", "--at", "1,1", "--eta", "0.1,0.2", "--out", File("ok.jsonl"), "--json");
        Assert.Equal(0, code);
        Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetProperty("failed").GetInt32());
    }

    [Fact]
    public void An_existing_out_file_needs_resume()
    {
        System.IO.File.WriteAllText(File("x.jsonl"), "{\"index\":0,\"key\":\"k\"}\n");
        var (code, _, error) = CliRunner.Run("sweep", "--out", File("x.jsonl"));
        Assert.Equal(2, code);
        Assert.Contains("--resume", error);
    }
}
