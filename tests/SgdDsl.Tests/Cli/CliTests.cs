using System.Text.Json;

namespace SgdDsl.Tests.Cli;

/// <summary>The sgd-stability contract: commands, flags, JSON keys and exit codes.</summary>
public class CliTests
{
    // Built-in default: product model, data x = (0.9, 2.5), y = x, minimum (1, 1), η = 0.15, B = 1.
    // THEORY.md: normal curvature of sample i is x_i²(a² + b²) = 2x_i².
    private static readonly double[] Curvatures = [2 * 0.81, 2 * 6.25];
    private static readonly double ExpectedMu = Math.Log(Math.Abs(1 - 0.15 * (Curvatures[0] + Curvatures[1]) / 2));
    private static readonly double ExpectedLambda = (Math.Log(Math.Abs(1 - 0.15 * Curvatures[0])) + Math.Log(Math.Abs(1 - 0.15 * Curvatures[1]))) / 2;

    [Fact]
    public void No_arguments_prints_the_report_for_the_built_in_default()
    {
        var (code, output, error) = CliRunner.Run();
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("SgdDsl stability report: ProductModel", output);
        Assert.Contains("dim T = 1", output);
        Assert.Contains("dim N = 1", output);
        Assert.Contains($"μ = {ExpectedMu.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}", output);
        Assert.Contains($"λ = {ExpectedLambda.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} (exact)", output);
        Assert.Contains("can converge to this minimum", output);
    }

    [Fact]
    public void Json_has_the_contract_keys_and_the_closed_form_exponents()
    {
        var (code, output, _) = CliRunner.Run("analyze", "--model", "ProductModel", "--at", "1,1", "--eta", "0.15", "--batch", "1", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        string[] contract = ["model", "minimum", "loss", "gradientNorm", "learningRate", "batchSize", "normalDimension", "tangentDimension", "mu", "gdVerdict", "lambda", "lambdaStdErr", "sgdVerdict"];
        foreach (var key in contract) Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        Assert.Equal("ProductModel", json.GetProperty("model").GetString());
        Assert.Equal([1.0, 1.0], json.GetProperty("minimum").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(1, json.GetProperty("normalDimension").GetInt32());
        Assert.Equal(1, json.GetProperty("tangentDimension").GetInt32());
        // Exact paths: agreement to rounding of a few logarithms.
        Assert.Equal(ExpectedMu, json.GetProperty("mu").GetDouble(), 1e-12);
        Assert.Equal(ExpectedLambda, json.GetProperty("lambda").GetDouble(), 1e-12);
        Assert.Equal(0.0, json.GetProperty("lambdaStdErr").GetDouble());
        Assert.Equal("stable", json.GetProperty("gdVerdict").GetString());
        Assert.Equal("stable", json.GetProperty("sgdVerdict").GetString());
    }

    [Fact]
    public void Json_verdicts_follow_the_position_on_the_manifold()
    {
        // At a = 0.35 on a·b = 1 the curvatures are large: GD is unstable, SGD stable (one step map nearly singular).
        var (code, output, _) = CliRunner.Run("analyze", "--at", $"0.35,{1 / 0.35:R}", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        var s = 0.35 * 0.35 + 1 / (0.35 * 0.35);
        var mu = Math.Log(Math.Abs(1 - 0.15 * s * (0.81 + 6.25) / 2));
        var lambda = (Math.Log(Math.Abs(1 - 0.15 * s * 0.81)) + Math.Log(Math.Abs(1 - 0.15 * s * 6.25))) / 2;
        Assert.Equal(mu, json.GetProperty("mu").GetDouble(), 1e-9);
        Assert.Equal(lambda, json.GetProperty("lambda").GetDouble(), 1e-9);
        Assert.Equal("unstable", json.GetProperty("gdVerdict").GetString());
        Assert.Equal("stable", json.GetProperty("sgdVerdict").GetString());
    }

    [Theory]
    [InlineData("--eta", "--eta", "abc")]
    [InlineData("--eta", "--eta", "-0.1")]
    [InlineData("--batch", "--batch", "3")]
    [InlineData("--at", "--at", "1,2,3")]
    [InlineData("--at", "--at", "1,x")]
    [InlineData("--model", "--model", "NoSuchModel")]
    [InlineData("--sampling", "--sampling", "sometimes")]
    [InlineData("--frobnicate", "--frobnicate", "1")]
    public void A_bad_flag_or_value_prints_a_message_and_usage_and_exits_2(string named, string flag, string value)
    {
        var (code, output, error) = CliRunner.Run("analyze", flag, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(named, error);
        Assert.Contains("Usage:", error);
    }

    /// <summary>A bad value of a flag with one rule in several commands, and those commands.</summary>
    public static TheoryData<string, string, string[]> SharedFlags => new()
    {
        { "--eta", "-1", ["analyze", "simulate"] },
        { "--batch", "3", ["analyze", "simulate"] },
        { "--max-steps", "-1", ["analyze", "sweep"] },
        { "--threads", "0", ["analyze", "simulate", "sweep"] },
        { "--sampling", "sometimes", ["analyze", "simulate", "sweep"] },
        { "--at", "1,x", ["analyze", "simulate", "sweep"] },
    };

    [Theory]
    [MemberData(nameof(SharedFlags))]
    public void A_flag_several_commands_take_is_checked_alike_in_each(string flag, string value, string[] commands)
    {
        var messages = commands.Select(command =>
        {
            var (code, _, error) = CliRunner.Run(command, flag, value);
            Assert.Equal(2, code);
            return error.Split('\n')[0];
        }).ToList();
        Assert.StartsWith($"error: {flag}: ", messages[0]);
        Assert.All(messages, m => Assert.Equal(messages[0], m));
    }

    [Fact]
    public void A_point_off_the_manifold_exits_3_with_loss_and_gradient_norm()
    {
        var (code, output, error) = CliRunner.Run("analyze", "--at", "1,2");
        Assert.Equal(3, code);
        Assert.Empty(output);
        // At (1, 2): residuals a·b·x − y = x, so L = ½·mean(x²) = 1.765.
        Assert.Contains("1.765", error);
        Assert.Contains("‖∇L‖", error);
        Assert.Contains("--minimize", error);
    }

    [Fact]
    public void Minimize_flag_moves_an_off_manifold_point_onto_it()
    {
        var (code, output, _) = CliRunner.Run("analyze", "--at", "1.3,0.9", "--minimize");
        Assert.Equal(0, code);
        Assert.Contains("--minimize moved the point", output);
        Assert.Contains("a global minimum", output);
    }

    [Fact]
    public void Data_file_errors_name_the_file_and_line_and_exit_4()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sgddsl-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "x,y\n0.9,0.9\n2.5,oops\n");
        try
        {
            var (code, output, error) = CliRunner.Run("analyze", "--data", path);
            Assert.Equal(4, code);
            Assert.Empty(output);
            Assert.Contains("--data", error);
            Assert.Contains(Path.GetFileName(path), error);
            Assert.Contains("3", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Data_file_with_the_model_columns_is_analysed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sgddsl-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "y,x\n0.9,0.9\n2.5,2.5\n");
        try
        {
            var (code, output, _) = CliRunner.Run("analyze", "--data", path, "--json");
            Assert.Equal(0, code);
            Assert.Equal(ExpectedLambda, JsonDocument.Parse(output).RootElement.GetProperty("lambda").GetDouble(), 1e-12);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Models_json_lists_names_parameters_and_data_columns()
    {
        var (code, output, _) = CliRunner.Run("models", "--json");
        Assert.Equal(0, code);
        var models = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var product = models.Single(m => m.GetProperty("name").GetString() == "ProductModel");
        Assert.Equal(["a", "b"], product.GetProperty("parameters").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["x", "y"], product.GetProperty("data").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, models.Count);
    }

    [Fact]
    public void The_main_job_points_at_the_next_command_to_try()
    {
        var (_, output, _) = CliRunner.Run();
        Assert.Contains("sgd-stability sweep", output);
        Assert.DoesNotContain("Next:", CliRunner.Run("analyze").Output);
    }

    [Fact]
    public void Models_lists_every_built_in_model_with_parameters_and_data()
    {
        var (code, output, _) = CliRunner.Run("models");
        Assert.Equal(0, code);
        foreach (var name in new[] { "ProductModel", "LinearRegression", "DeepChain", "TwoOutputScaling" }) Assert.Contains(name, output);
        Assert.Contains("a, b", output);
        Assert.Contains("x1, x2, x3, y", output);
    }

    [Theory]
    [InlineData("without")]
    [InlineData("with")]
    [InlineData("reshuffle")]
    public void Short_sampling_names_and_the_new_flags_are_accepted(string sampling)
    {
        var (code, output, error) = CliRunner.Run("analyze", "--sampling", sampling, "--spectrum", "2", "--max-steps", "1000000", "--threads", "1", "--json");
        Assert.Equal(0, code);
        Assert.Empty(error);
        var json = JsonDocument.Parse(output).RootElement;
        string[] added = ["lambdaMethod", "lambdaLower", "lambdaUpper", "spectrum", "sharpness", "nonUniformity", "steps", "caveats"];
        foreach (var key in added) Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        Assert.Equal("exact", json.GetProperty("lambdaMethod").GetString());
        Assert.Equal(ExpectedLambda, json.GetProperty("spectrum")[0].GetProperty("exponent").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("--spectrum", "0")]
    [InlineData("--threads", "0")]
    [InlineData("--max-steps", "-1")]
    public void Out_of_range_new_flags_are_usage_errors(string flag, string value)
    {
        var (code, _, error) = CliRunner.Run("analyze", flag, value);
        Assert.Equal(2, code);
        Assert.Contains(flag, error);
    }
}
