namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// Files the user names for output (--out, --plot): checked before any work, so an hour-long sweep does not end in a
/// path it cannot write, and failures while writing are <see cref="OutputException"/>s (exit 6) naming flag and path.
/// </summary>
internal static class OutputFile
{
    /// <summary>
    /// Throws unless <paramref name="path"/> can be written: an existing file is opened for writing without changing it,
    /// a new one is created and removed again. With <paramref name="createsFolders"/> (pictures), missing folders are
    /// allowed when the nearest existing one is a folder.
    /// </summary>
    public static void Check(string flag, string path, bool createsFolders = false)
    {
        Guard(flag, path, () =>
        {
            if (Directory.Exists(path)) throw new IOException("it is a folder.");
            if (File.Exists(path))
            {
                using (new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
                return;
            }
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is null || Directory.Exists(folder))
            {
                using (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
                return;
            }
            for (var up = folder; up is not null; up = Path.GetDirectoryName(up))
            {
                if (File.Exists(up)) throw new IOException($"{up} is a file, not a folder.");
                if (!createsFolders) throw new IOException($"the folder {folder} does not exist.");
                if (Directory.Exists(up)) return;
            }
        });
    }

    /// <summary>Runs <paramref name="write"/>, turning a failure to write into an <see cref="OutputException"/> naming the flag and path.</summary>
    public static void Guard(string flag, string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(flag, path, e);
        }
    }

    /// <summary>The exception for a failure <paramref name="e"/> to write <paramref name="path"/>.</summary>
    public static OutputException Failed(string flag, string path, Exception e) => new($"{flag}: cannot write {path}: {e.Message}");
}
