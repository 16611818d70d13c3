using System.Text.Json;

namespace SgdDsl.Tests.Cli;

/// <summary><c>analyze --loss "…" --params …</c>: a loss typed on the command line, no C#.</summary>
public class FormulaCliTests
{
    [Fact]
    public void A_formula_loss_gives_the_same_numbers_as_the_compiled_model()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sgddsl-formula-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "x,y\n0.9,0.9\n2.5,2.5\n");
        try
        {
            var formula = CliRunner.Run("analyze", "--loss", "0.5*(a*b*x - y)^2", "--params", "a,b", "--data", path, "--at", "0.5,2", "--json");
            var compiled = CliRunner.Run("analyze", "--model", "ProductModel", "--data", path, "--at", "0.5,2", "--json");
            Assert.Equal(0, formula.ExitCode);
            var f = JsonDocument.Parse(formula.Output).RootElement;
            var c = JsonDocument.Parse(compiled.Output).RootElement;
            Assert.Equal("Formula", f.GetProperty("model").GetString());
            foreach (var key in new[] { "mu", "lambda" })
                Assert.Equal(c.GetProperty(key).GetDouble(), f.GetProperty(key).GetDouble(), 1e-12);
            Assert.Equal(c.GetProperty("sgdVerdict").GetString(), f.GetProperty("sgdVerdict").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--loss", "0.5*(a*b*x - y", "--params", "a,b")]
    [InlineData("--params", "0.5*(a*x - y)^2", "--params", "a,q")]
    public void A_bad_formula_or_parameter_list_exits_2_naming_the_flag(string named, string loss, string flag, string parameters)
    {
        var (code, output, error) = CliRunner.Run("analyze", "--loss", loss, flag, parameters, "--at", "1,1");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(named, error);
    }

    [Fact]
    public void A_formula_without_data_says_which_columns_to_give()
    {
        var (code, _, error) = CliRunner.Run("analyze", "--loss", "0.5*(a*b*x - y)^2", "--params", "a,b", "--at", "1,1");
        Assert.Equal(2, code);
        Assert.Contains("--data", error);
        Assert.Contains("x, y", error);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("simulate")]
    public void A_formula_without_a_point_asks_for_one_with_at(string command)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sgddsl-formula-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "x,y\n0.9,0.9\n2.5,2.5\n");
        try
        {
            var (code, output, error) = CliRunner.Run(command, "--loss", "0.5*(a*b*x - y)^2", "--params", "a,b", "--data", path);
            Assert.Equal(2, code);
            Assert.Empty(output);
            Assert.StartsWith("error: --at: ", error);
            Assert.Contains("has no built-in minimum; give one for a, b with --at or --at-file.", error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
