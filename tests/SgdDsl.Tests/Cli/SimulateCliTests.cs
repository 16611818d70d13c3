using System.Text.Json;

namespace SgdDsl.Tests.Cli;

/// <summary>sgd-stability simulate: summary, JSON keys, quiet, exit codes.</summary>
public class SimulateCliTests
{
    [Fact]
    public void Json_has_the_documented_keys_and_counts_every_trial()
    {
        var (code, output, error) = CliRunner.Run("simulate", "--at", "0.8,1.25", "--trials", "40", "--steps", "300", "--json");
        Assert.Equal(0, code);
        Assert.Empty(error);
        var json = JsonDocument.Parse(output).RootElement;
        string[] keys = ["model", "minimum", "learningRate", "batchSize", "sampling", "seed", "trials", "steps", "displacement", "radius",
            "lossTolerance", "normalDimension", "accumulated", "escaped", "diverged", "unsettled", "accumulatedFraction", "accumulatedLower",
            "accumulatedUpper", "growthRate", "growthRateStdErr", "growthRateSteps", "mu", "lambda", "lambdaStdErr", "lambdaMethod",
            "sgdVerdict", "gdVerdict", "historySteps", "trialResults", "notes"];
        foreach (var key in keys) Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        var counts = new[] { "accumulated", "escaped", "diverged", "unsettled" }.Sum(k => json.GetProperty(k).GetInt32());
        Assert.Equal(40, counts);
        Assert.Equal(40, json.GetProperty("trialResults").GetArrayLength());
        var first = json.GetProperty("trialResults")[0];
        foreach (var key in new[] { "index", "outcome", "stepsTaken", "endPoint", "endLoss", "endDistance", "fitSteps", "fitLogGrowth", "normalDistance" })
            Assert.True(first.TryGetProperty(key, out _), $"missing trial key {key}");
        Assert.Equal(json.GetProperty("historySteps").GetArrayLength(), first.GetProperty("normalDistance").GetArrayLength());
        Assert.Equal(40, json.GetProperty("accumulated").GetInt32());
    }

    [Fact]
    public void Summary_sets_the_fraction_and_rate_beside_lambda()
    {
        var (code, output, _) = CliRunner.Run("simulate", "--trials", "20", "--steps", "300");
        Assert.Equal(0, code);
        Assert.Contains("accumulated  20/20", output);
        Assert.Contains("λ (analysis) = ", output);
        Assert.Contains("(exact)", output);
    }

    [Fact]
    public void Quiet_prints_nothing()
    {
        var (code, output, error) = CliRunner.Run("simulate", "--trials", "5", "--steps", "10", "--quiet");
        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.Empty(error);
    }

    [Fact]
    public void A_missing_data_file_exits_4_and_a_bad_flag_exits_2()
    {
        var (code, _, error) = CliRunner.Run("simulate", "--data", "no-such-file.csv");
        Assert.Equal(4, code);
        Assert.Contains("no-such-file.csv", error);
        (code, _, error) = CliRunner.Run("simulate", "--trials", "0");
        Assert.Equal(2, code);
        Assert.Contains("--trials", error);
    }

    [Fact]
    public void A_point_off_the_manifold_exits_3()
    {
        var (code, _, _) = CliRunner.Run("simulate", "--at", "1,2", "--trials", "5");
        Assert.Equal(3, code);
    }
}
