using SgdDsl.Cli;
using SgdDsl.CommandLine;

namespace SgdDsl.Plots.Tests;

public class PlotCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLineApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Row(double eta, double a, double mu, double lambda, string gd, string sgd) =>
        $$"""{"index":0,"key":"k","position":0,"at":{"a":{{a}}},"eta":{{eta}},"batchSize":1,"status":"ok","mu":{{mu}},"lambda":{{lambda}},"lambdaStdErr":0,"gdVerdict":"{{gd}}","sgdVerdict":"{{sgd}}"}""";

    [Fact]
    public void Sweep_rows_along_eta_become_an_exponent_chart()
    {
        var input = ImageFiles.TempPath(".jsonl");
        File.WriteAllLines(input, [Row(0.1, 1, -0.5, -0.3, "stable", "stable"), Row(0.2, 1, -0.1, 0.05, "stable", "unstable"), Row(0.3, 1, 0.2, 0.3, "unstable", "unstable")]);
        var picture = ImageFiles.TempPath(".png");
        var (code, output, error) = Run("plot", input, "--out", picture);
        Assert.True(code == 0, error);
        Assert.Contains(picture, output);
        ImageFiles.AssertPng(picture);
        File.Delete(input);
        File.Delete(picture);
    }

    [Fact]
    public void Sweep_rows_over_position_and_eta_become_a_stability_map_in_svg()
    {
        var input = ImageFiles.TempPath(".jsonl");
        File.WriteAllLines(input, from a in new[] { 0.5, 1.0 } from eta in new[] { 0.1, 0.2 } select Row(eta, a, -0.1, 0.1, "stable", "unstable"));
        var picture = ImageFiles.TempPath(".svg");
        var (code, _, error) = Run("plot", input, "--out", picture);
        Assert.True(code == 0, error);
        ImageFiles.AssertSvg(picture);
        File.Delete(input);
        File.Delete(picture);
    }

    [Fact]
    public void Missing_input_file_is_a_data_error_naming_the_file()
    {
        var missing = ImageFiles.TempPath(".jsonl");
        var (code, _, error) = Run("plot", missing, "--out", ImageFiles.TempPath(".png"));
        Assert.Equal(4, code);
        Assert.Contains(missing, error);
    }

    [Fact]
    public void Bad_json_line_is_a_data_error_naming_the_file_and_line()
    {
        var input = ImageFiles.TempPath(".jsonl");
        File.WriteAllLines(input, [Row(0.1, 1, -0.5, -0.3, "stable", "stable"), "{\"learningRate\": 0.2, oops", Row(0.3, 1, 0.2, 0.3, "unstable", "unstable")]);
        var (code, _, error) = Run("plot", input, "--out", ImageFiles.TempPath(".png"));
        Assert.Equal(4, code);
        Assert.Contains(input, error);
        Assert.Contains("line 2", error);
        File.Delete(input);
    }

    [Fact]
    public void Row_without_a_verdict_is_a_data_error_naming_the_line()
    {
        var input = ImageFiles.TempPath(".jsonl");
        File.WriteAllLines(input, [Row(0.1, 1, -0.5, -0.3, "stable", "stable"), """{"learningRate":0.2,"mu":0,"lambda":0}"""]);
        var (code, _, error) = Run("plot", input, "--out", ImageFiles.TempPath(".png"));
        Assert.Equal(4, code);
        Assert.Contains("line 2", error);
        File.Delete(input);
    }

    [Theory]
    [InlineData("--no-such-flag")]
    [InlineData("--kind", "pie")]
    public void Bad_flag_is_a_usage_error(params string[] extra)
    {
        var input = ImageFiles.TempPath(".jsonl");
        File.WriteAllLines(input, [Row(0.1, 1, -0.5, -0.3, "stable", "stable")]);
        var (code, _, error) = Run(["plot", input, "--out", ImageFiles.TempPath(".png"), .. extra]);
        Assert.Equal(2, code);
        Assert.Contains("error", error);
        File.Delete(input);
    }

    [Fact]
    public void Picture_name_must_end_in_png_or_svg()
    {
        var (code, _, error) = Run("plot", "whatever.jsonl", "--out", "picture.jpg");
        Assert.Equal(2, code);
        Assert.Contains(".png or .svg", error);
    }

    [Fact]
    public void Report_without_history_says_why_nothing_is_drawn()
    {
        var input = ImageFiles.TempPath(".json");
        File.WriteAllText(input, """{"model":"M","learningRate":0.1,"batchSize":1,"mu":-1,"lambda":-1,"gdVerdict":"stable","sgdVerdict":"stable","lambdaMethod":"exact","history":[]}""");
        var (code, _, error) = Run("plot", input, "--out", ImageFiles.TempPath(".png"));
        Assert.Equal(4, code);
        Assert.Contains("no λ̂ history", error);
        File.Delete(input);
    }
}
