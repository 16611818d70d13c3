namespace SgdDsl.Tests.Cli;

/// <summary><c>--plot FILE</c> on sweep and simulate draws the picture beside the numbers.</summary>
public class PlotFlagTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Sweep_plot_writes_a_png_of_the_rows()
    {
        var folder = Directory.CreateTempSubdirectory("sgddsl-plot-");
        try
        {
            var rows = Path.Combine(folder.FullName, "rows.jsonl");
            var png = Path.Combine(folder.FullName, "eta.png");
            var (code, _, error) = CliRunner.Run("sweep", "--at", "1,1", "--eta", "0.05:0.4:6", "--out", rows, "--plot", png, "--quiet");
            Assert.True(code == 0, error);
            Assert.Equal(PngSignature, File.ReadAllBytes(png).Take(8));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Simulate_plot_writes_a_png_of_the_distances()
    {
        var png = Path.Combine(Path.GetTempPath(), $"sgddsl-sim-{Guid.NewGuid():N}.png");
        try
        {
            var (code, _, error) = CliRunner.Run("simulate", "--at", "0.8,1.25", "--eta", "0.15", "--trials", "8", "--steps", "100", "--plot", png, "--quiet");
            Assert.True(code == 0, error);
            Assert.Equal(PngSignature, File.ReadAllBytes(png).Take(8));
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Theory]
    [InlineData("sweep", "--at", "1,1", "--eta", "0.1", "--plot", "x.pdf", "--out", "rows.jsonl")]
    [InlineData("sweep", "--at", "1,1", "--eta", "0.1", "--plot", "x.png")]
    [InlineData("simulate", "--at", "1,1", "--plot", "x.gif")]
    public void A_bad_plot_flag_exits_2_naming_it(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains("--plot", error);
    }
}
