namespace SgdDsl;

/// <summary>
/// A point file (<see cref="PointFile.Read"/>) whose content does not give every parameter of the model one finite
/// value. A <see cref="FormatException"/>, like every data error of the runtime: the command line reports it as a data
/// error (exit 4).
/// </summary>
public sealed class PointFileException : FormatException
{
    /// <summary>Creates the exception; the message should name the file and, where there is one, the parameter.</summary>
    /// <param name="path">The file.</param>
    /// <param name="parameter">The parameter the problem is about, or null when it concerns the file as a whole.</param>
    /// <param name="message">The whole message.</param>
    public PointFileException(string path, string? parameter, string message)
        : base(message)
    {
        Path = path;
        Parameter = parameter;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The parameter that is missing, extra, repeated or not finite; null when the problem is the file's shape.</summary>
    public string? Parameter { get; }
}
