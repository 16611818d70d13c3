using System.Diagnostics;
using System.Text.Json;
using SgdDsl.CommandLine;
using SgdDsl.Tests.BadInputs;

namespace SgdDsl.Tests.Cli;

/// <summary>Ctrl-C (SIGINT) during <c>train</c>: the real tool process stops cleanly and still writes the point reached.</summary>
public sealed class TrainInterruptTests : BadInputFiles
{
    [Fact]
    public async Task Sigint_stops_training_with_exit_130_and_the_point_written()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGINT is sent with kill(1)

        var outFile = PathOf("theta.json");
        var tool = Path.Combine(AppContext.BaseDirectory, "sgd-stability.dll");
        // A loss target of 0 is never reached, so only the interrupt ends the run.
        var start = new ProcessStartInfo("dotnet", $"exec \"{tool}\" train --model LinearRegression --method sgd --eta 0.01 --max-steps 2000000000 --loss-target 0 --out \"{outFile}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        // The tool says on stderr when training has begun (its Ctrl-C handler is in place by then).
        var begun = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.StartsWith("train: up to", begun);

        using (var kill = Process.Start("kill", $"-INT {process.Id}")!) kill.WaitForExit();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(ExitCodes.Interrupted, process.ExitCode);
        var json = JsonDocument.Parse(File.ReadAllText(outFile)).RootElement;
        Assert.Equal("cancelled", json.GetProperty("stopReason").GetString());
        Assert.True(json.GetProperty("steps").GetInt32() > 0);
        Assert.Contains("stopped: interrupted", await output);
    }
}
