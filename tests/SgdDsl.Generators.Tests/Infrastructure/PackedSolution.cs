using System.Diagnostics;

namespace SgdDsl.Generators.Tests.Infrastructure;

/// <summary>
/// <c>dotnet pack</c> of the whole solution into a temporary feed, once for all the tests that use it, with a fresh
/// prerelease version so that no package cache can serve an older build.
/// </summary>
public sealed class PackedSolution : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sgddsl-pack-");

    public PackedSolution()
    {
        Version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        Feed = Path.Combine(_root.FullName, "feed");
        Run("dotnet", $"pack \"{Path.Combine(Snapshot.RepositoryRoot(), "SgdDsl.sln")}\" -c Release -o \"{Feed}\" -p:Version={Version}", _root.FullName);
    }

    public string Version { get; }

    public string Feed { get; }

    /// <summary>A new empty folder beside the feed, deleted with it.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root.FullName, name)).FullName;

    /// <summary>The machine's NuGet global packages folder, where the solution's own restore put every dependency.</summary>
    public static string MachinePackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>Runs a process to the end and returns its standard output; a non-zero exit fails the test with both streams.</summary>
    public static string Run(string file, string arguments, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild variables would steer the child build into the host's SDK context.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {arguments} did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
