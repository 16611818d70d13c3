namespace SgdDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots: the text must equal Snapshots/{Class}.{Case}.verified.{ext}. On a
/// mismatch (or a missing file) the actual text goes to *.received.{ext} and the test fails; to
/// accept it, rename received to verified (see CONTRIBUTING.md).
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension = "cs")
    {
        var folder = Path.Combine(ProjectFolder(), "Snapshots");
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = Normalize(actual);
        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        Assert.Fail(File.Exists(verified)
            ? $"Generated code differs from {verified}; see {received}. If the change is intended, accept it by renaming the received file."
            : $"No approved snapshot {verified}; review {received} and rename it to accept.");
    }

    /// <summary>
    /// The test project's source folder, found by walking up from the test binaries (bin/…/net10.0).
    /// Not from [CallerFilePath]: CI builds map source paths to /_/ for deterministic output.
    /// </summary>
    public static string ProjectFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "SgdDsl.Generators.Tests.csproj"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the test project folder above " + AppContext.BaseDirectory);
    }

    /// <summary>The repository root, two levels above the test project.</summary>
    public static string RepositoryRoot() => Path.GetFullPath(Path.Combine(ProjectFolder(), "..", ".."));

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF').TrimEnd() + "\n";
}
