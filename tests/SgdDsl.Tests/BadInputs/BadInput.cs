using SgdDsl.Tests.Cli;

namespace SgdDsl.Tests.BadInputs;

/// <summary>
/// Runs the CLI in process on a bad input and checks what every bad input must get: the documented exit code, a
/// message on stderr that names the flag, file or line, and no stack trace.
/// </summary>
internal static class BadInput
{
    public static (string Output, string Error) Expect(int code, string[] named, params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        Assert.True(code == exit, $"exit {exit}, expected {code}, for {string.Join(' ', args)}; stderr:\n{error}");
        foreach (var name in named) Assert.Contains(name, error);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Unhandled exception", error);
        return (output, error);
    }
}

/// <summary>A temporary folder for the files of bad-input cases, removed after each test.</summary>
public abstract class BadInputFiles : IDisposable
{
    protected readonly string Folder = Directory.CreateTempSubdirectory("sgd-bad-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string PathOf(string name) => Path.Combine(Folder, name);

    protected string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Two rows (x, y) = (1, 1), (2, 2): ℓ = (a·x − y)² vanishes at a = 1.</summary>
    protected string Xy() => Write("xy.csv", "x,y\n1,1\n2,2\n");
}
