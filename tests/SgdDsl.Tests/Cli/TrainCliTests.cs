using System.Globalization;
using System.Text.Json;
using SgdDsl.Cli.BuiltIn;
using SgdDsl.CommandLine;
using SgdDsl.Tests.BadInputs;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Cli;

/// <summary><c>train</c> and the point files it writes, read back by <c>--at-file</c> and <c>--init-file</c>.</summary>
public sealed class TrainCliTests : BadInputFiles
{
    private static readonly double[][] LinearRegressionData = [[1.0, 0.0, 0.5, 1.0], [0.3, 1.0, 0.0, 0.8]];

    [Fact]
    public void Gd_follows_the_hand_written_iteration_and_writes_every_key_of_the_point_file()
    {
        var outFile = PathOf("theta.json");
        var (code, _, error) = CliRunner.Run("train", "--model", "LinearRegression", "--method", "gd", "--eta", "0.5", "--seed", "3", "--out", outFile);
        Assert.True(code == ExitCodes.Ok, error);

        // θ ← θ − η·(1/N) Σ_i r_i x_i from the seeded start, until L < 1e-10 (the default target).
        var theta = Initialization.Normal(LinearRegression.Model, 3);
        var steps = 0;
        while (Loss(theta) >= 1e-10)
        {
            var step = new double[3];
            foreach (var row in LinearRegressionData)
            {
                var r = theta[0] * row[0] + theta[1] * row[1] + theta[2] * row[2] - row[3];
                for (var k = 0; k < 3; k++) step[k] += 0.5 * r * row[k] / LinearRegressionData.Length;
            }
            for (var k = 0; k < 3; k++) theta[k] -= step[k];
            steps++;
        }

        var json = JsonDocument.Parse(File.ReadAllText(outFile)).RootElement;
        Assert.Equal(["model", "parameterNames", "theta", "loss", "gradientNorm", "method", "learningRate", "batchSize", "sampling", "seed", "steps", "stopReason", "polished", "moved", "history"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(steps, json.GetProperty("steps").GetInt32());
        Assert.Equal("gd", json.GetProperty("method").GetString());
        Assert.Equal(2, json.GetProperty("batchSize").GetInt32());
        Assert.Equal("loss-target", json.GetProperty("stopReason").GetString());
        Assert.True(json.GetProperty("polished").GetBoolean());
        var polished = json.GetProperty("theta").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // Polished onto the plane of exact fits, next to the end of the iteration: L(end) < 1e-10 means ‖r‖ ≲ 1.4e-5.
        Assert.True(Loss(polished) < 1e-28, $"L = {Loss(polished)}");
        var moved = Math.Sqrt(polished.Zip(theta, (p, t) => (p - t) * (p - t)).Sum());
        Assert.True(moved < 1e-4, $"moved {moved}");
        Assert.Equal(moved, json.GetProperty("moved").GetDouble(), 1e-9);
        var history = json.GetProperty("history");
        Assert.Equal(0, history.GetProperty("step")[0].GetInt32());
        Assert.Equal(steps, history.GetProperty("step").EnumerateArray().Last().GetInt32());
    }

    private static double Loss(double[] theta) => LinearRegressionData.Average(row =>
    {
        var r = theta[0] * row[0] + theta[1] * row[1] + theta[2] * row[2] - row[3];
        return 0.5 * r * r;
    });

    [Fact]
    public void The_written_point_read_by_at_file_is_bitwise_the_point()
    {
        var outFile = PathOf("theta.json");
        Assert.Equal(0, CliRunner.Run("train", "--model", "LinearRegression", "--method", "sgd", "--batch", "1", "--eta", "0.3", "--out", outFile).ExitCode);
        var theta = JsonDocument.Parse(File.ReadAllText(outFile)).RootElement.GetProperty("theta").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var at = string.Join(",", theta.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));

        var fromFile = CliRunner.Run("analyze", "--model", "LinearRegression", "--at-file", outFile, "--eta", "0.3", "--json");
        var fromList = CliRunner.Run("analyze", "--model", "LinearRegression", "--at", at, "--eta", "0.3", "--json");
        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromList.Output, fromFile.Output);
    }

    [Fact]
    public void A_csv_point_is_matched_by_name_in_any_order()
    {
        var csv = Write("point.csv", "c,a,b\n0,1,0.5\n");
        var fromFile = CliRunner.Run("analyze", "--model", "LinearRegression", "--at-file", csv, "--json");
        var fromList = CliRunner.Run("analyze", "--model", "LinearRegression", "--at", "1,0.5,0", "--json");
        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromList.Output, fromFile.Output);
    }

    [Theory]
    [InlineData("a,b\n1,0.5\n", "'c'")]
    [InlineData("a,b,c,d\n1,0.5,0,2\n", "'d'")]
    [InlineData("a,b,c\n1,NaN,0\n", "'b'")]
    public void A_missing_extra_or_non_finite_value_in_a_point_file_exits_4_naming_it(string text, string named)
    {
        var csv = Write("point.csv", text);
        foreach (var command in new[] { "analyze", "simulate" })
            BadInput.Expect(ExitCodes.DataError, ["--at-file", named], command, "--model", "LinearRegression", "--at-file", csv);
        BadInput.Expect(ExitCodes.DataError, ["--at-file", named], "sweep", "--model", "LinearRegression", "--at-file", csv, "--out", PathOf("sweep.jsonl"));
        BadInput.Expect(ExitCodes.DataError, ["--init-file", named], "train", "--model", "LinearRegression", "--init-file", csv);
    }

    [Fact]
    public void At_and_at_file_together_are_a_usage_error()
    {
        var csv = Write("point.csv", "a,b,c\n1,0.5,0\n");
        BadInput.Expect(ExitCodes.Usage, ["--at-file"], "analyze", "--model", "LinearRegression", "--at", "1,0.5,0", "--at-file", csv);
    }

    [Theory]
    [InlineData("--method", "adam")]
    [InlineData("--init", "uniform")]
    [InlineData("--init-scale", "-1")]
    [InlineData("--loss-target", "-1")]
    [InlineData("--max-steps", "0")]
    public void A_bad_training_flag_exits_2_naming_it(string flag, string value) =>
        BadInput.Expect(ExitCodes.Usage, [flag], "train", "--model", "LinearRegression", flag, value);

    [Fact]
    public void Init_file_starts_where_the_file_says()
    {
        // One GD step from (0, 0, 0): θ₁ = −η·(1/N) Σ r_i x_i with r_i = −y_i.
        var csv = Write("start.csv", "a,b,c\n0,0,0\n");
        var outFile = PathOf("theta.json");
        Assert.Equal(0, CliRunner.Run("train", "--model", "LinearRegression", "--method", "gd", "--eta", "0.1", "--init-file", csv, "--max-steps", "1", "--out", outFile).ExitCode);
        var json = JsonDocument.Parse(File.ReadAllText(outFile)).RootElement;
        Assert.Equal("max-steps", json.GetProperty("stopReason").GetString());
        var loss = json.GetProperty("history").GetProperty("loss").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var first = new[] { 0.1 * (1.0 * 1.0 + 0.8 * 0.3) / 2, 0.1 * (0.8 * 1.0) / 2, 0.1 * (1.0 * 0.5) / 2 };
        Assert.Equal(Loss([0, 0, 0]), loss[0], 1e-15);
        Assert.Equal(Loss(first), loss[^1], 1e-15);
    }

    [Fact]
    public void A_diverging_run_exits_7_and_still_writes_the_point_reached()
    {
        var outFile = PathOf("theta.json");
        var (code, _, error) = CliRunner.Run("train", "--model", "ProductModel", "--method", "gd", "--eta", "50", "--out", outFile);
        Assert.True(code == ExitCodes.Diverged, error);
        var json = JsonDocument.Parse(File.ReadAllText(outFile)).RootElement;
        Assert.Equal("diverged", json.GetProperty("stopReason").GetString());
        Assert.False(json.GetProperty("polished").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("moved").ValueKind);
    }

    [Fact]
    public void Analyze_after_training_judges_the_polished_point_under_the_training_settings()
    {
        var (code, output, error) = CliRunner.Run("train", "--model", "LinearRegression", "--method", "gd", "--eta", "0.5", "--analyze", "--json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        var theta = json.GetProperty("theta").EnumerateArray().Select(v => v.GetDouble().ToString("R", CultureInfo.InvariantCulture));
        var direct = JsonDocument.Parse(CliRunner.Run("analyze", "--model", "LinearRegression", "--at", string.Join(",", theta), "--eta", "0.5", "--batch", "2", "--json").Output).RootElement;
        Assert.Equal(direct.GetProperty("mu").GetDouble(), json.GetProperty("analysis").GetProperty("mu").GetDouble());
        Assert.Equal(direct.GetProperty("lambda").GetDouble(), json.GetProperty("analysis").GetProperty("lambda").GetDouble());
    }

    [Fact]
    public void Plot_draws_the_loss_curve_as_a_png()
    {
        var png = PathOf("curve.png");
        Assert.Equal(0, CliRunner.Run("train", "--model", "LinearRegression", "--method", "gd", "--eta", "0.5", "--plot", png).ExitCode);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(png).Take(4).ToArray());
    }

    [Fact]
    public void A_formula_model_and_a_hosted_model_train_too()
    {
        var data = Write("data.csv", "x1,x2,y\n1,0,1\n0,2,4\n");
        var formula = CliRunner.Run("train", "--loss", "0.5*(a*x1 + b*x2 - y)^2", "--params", "a,b", "--data", data, "--method", "gd", "--eta", "0.4", "--json");
        var hosted = CliRunner.RunHosted([new TwoFeatureLinearModel()], "train", "--data", data, "--method", "gd", "--eta", "0.4", "--json");
        Assert.Equal(0, formula.ExitCode);
        Assert.Equal(0, hosted.ExitCode);
        // The unique minimum (a, b) = (1, 2): both reach it, whatever their models' names.
        foreach (var output in new[] { formula.Output, hosted.Output })
        {
            var theta = JsonDocument.Parse(output).RootElement.GetProperty("theta").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(1.0, theta[0], 1e-12);
            Assert.Equal(2.0, theta[1], 1e-12);
        }
    }
}
