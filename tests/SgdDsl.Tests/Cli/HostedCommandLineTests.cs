using System.Text.Json;
using SgdDsl.CommandLine;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Cli;

/// <summary>The command line hosting a user's models (SgdCommandLine.Run): no built-in data or minima, the same flags and exit codes.</summary>
public class HostedCommandLineTests
{
    private static readonly ILossModel[] Models = [new TwoFeatureLinearModel(), SmallTanhNet.Model];

    [Fact]
    public void The_generated_list_holds_every_model_of_the_assembly()
    {
        // This assembly also sees the internal list of sgd-stability (InternalsVisibleTo), so the name is bound to the
        // list in source, this assembly's own, with warning CS0436: the case the README describes.
#pragma warning disable CS0436
        var all = SgdDsl.Generated.SgdDslModels.All;
#pragma warning restore CS0436
        Assert.Equal(["LogCoshTanhNet", "MediumTanhNet", "SmallTanhNet", "WideTanhNet"], all.Select(m => m.Name).Where(n => n.Contains("TanhNet")).ToArray());
        Assert.Same(SmallTanhNet.Model, all.Single(m => m.Name == "SmallTanhNet"));
    }

    [Fact]
    public void Analyze_on_a_hosted_model_uses_the_given_data_and_point()
    {
        var data = Path.GetTempFileName();
        try
        {
            // Samples (1, 0, 1) and (0, 2, 4): fitted exactly by (a, b) = (1, 2); H = mean of x xᵀ = diag(1/2, 2), N = R².
            File.WriteAllText(data, "x1,x2,y\n1,0,1\n0,2,4\n");
            var (code, output, error) = CliRunner.RunHosted(Models, "analyze", "--model", "TwoFeatureLinearModel", "--data", data, "--at", "1,2", "--eta", "0.2", "--batch", "2", "--json");

            Assert.True(code == ExitCodes.Ok, error);
            var report = JsonDocument.Parse(output).RootElement;
            // μ = log max(|1 − 0.2·0.5|, |1 − 0.2·2|) = log 0.9; B = N: the SGD product is the GD one, λ = μ.
            Assert.Equal(Math.Log(0.9), report.GetProperty("mu").GetDouble(), 1e-12);
            Assert.Equal(Math.Log(0.9), report.GetProperty("lambda").GetDouble(), 1e-12);
        }
        finally
        {
            File.Delete(data);
        }
    }

    [Fact]
    public void The_first_model_is_the_default_and_without_built_in_data_data_is_required()
    {
        var (code, _, error) = CliRunner.RunHosted(Models, "analyze", "--at", "1,2");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--data", error);
        Assert.Contains("x1, x2, y", error);
    }

    [Fact]
    public void An_unknown_model_is_named_with_the_known_ones()
    {
        var (code, _, error) = CliRunner.RunHosted(Models, "analyze", "--model", "Nope");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("'Nope'", error);
        Assert.Contains("TwoFeatureLinearModel, SmallTanhNet", error);
    }

    [Fact]
    public void Models_lists_hosted_models_with_long_name_lists_shortened()
    {
        var (code, output, _) = CliRunner.RunHosted(Models, "models");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("TwoFeatureLinearModel:", output);
        Assert.Contains("(no built-in data: give --data)", output);
        // SmallTanhNet has d = 30 names: the first six, the last three and the count.
        Assert.Contains("W[0,0], W[0,1], W[0,2], W[0,3], W[1,0], W[1,1], …, v[3], v[4], v[5] (30)", output);
    }

    [Fact]
    public void Two_models_of_one_name_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => SgdCommandLine.Run(["models"], [new CommandLineModel(new TwoFeatureLinearModel()), new CommandLineModel(new TwoFeatureLinearModel())], TextWriter.Null, TextWriter.Null));
        Assert.Contains("TwoFeatureLinearModel", e.Message);
    }
}
