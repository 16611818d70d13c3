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
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGINT is a POSIX signal

        var outFile = PathOf("theta.json");
        var tool = Path.Combine(AppContext.BaseDirectory, "sgd-stability.dll");
        // A loss target of 0 is never reached, so only the interrupt ends the run.
        var start = new ProcessStartInfo("dotnet", $"exec \"{tool}\" train --model LinearRegression --method sgd --eta 0.01 --max-steps 2000000000 --loss-target 0 --out \"{outFile}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            // The tool says on stderr when training has begun (its Ctrl-C handler is in place by then).
            var begun = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.StartsWith("train: up to", begun);

            // libc's kill(2) directly: a bare machine need not have the kill(1) program (procps).
            Assert.Equal(0, Kill(process.Id, Sigint));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var (stdout, stderr) = (await output, await process.StandardError.ReadToEndAsync());

            Assert.True(process.ExitCode == ExitCodes.Interrupted, $"exit {process.ExitCode}\nstdout: {stdout}\nstderr: {stderr}");
            // The interrupt may land before the first step under load: the point reached is then the start, still written.
            var json = JsonDocument.Parse(File.ReadAllText(outFile)).RootElement;
            Assert.Equal("cancelled", json.GetProperty("stopReason").GetString());
            Assert.Equal(json.GetProperty("steps").GetInt32(), json.GetProperty("history").GetProperty("step").EnumerateArray().Last().GetInt32());
            Assert.Contains("stopped: interrupted", stdout);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true); // never leave a run of 2·10⁹ steps behind
        }
    }

    private const int Sigint = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
