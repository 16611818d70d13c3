namespace SgdDsl.CommandLine;

/// <summary>The process exit codes of every command, a contract for scripts (the README lists them).</summary>
public static class ExitCodes
{
    /// <summary>Done: the report, simulation, sweep or point was written.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected failure (a bug): the message goes to stderr.</summary>
    public const int Failure = 1;

    /// <summary>A bad flag, value or input file: the message and the usage go to stderr.</summary>
    public const int Usage = 2;

    /// <summary>The given point is not a global minimum: the message gives the loss and gradient norm.</summary>
    public const int NotAMinimum = 3;

    /// <summary>A data file (--data, --points, a sweep's JSONL) cannot be read: the message names the file and line.</summary>
    public const int DataError = 4;

    /// <summary>
    /// A quantity at the point is not finite in double precision (an overflow, a division by zero, an undefined
    /// function value): the message names it. Never read as stability.
    /// </summary>
    public const int NotFinite = 5;

    /// <summary>
    /// An output file (--out, --plot) cannot be written: its folder is missing or is a file, it is a folder, permission
    /// is denied, or the disk is full. The message names the flag and the path; nothing else is changed.
    /// </summary>
    public const int CannotWrite = 6;

    /// <summary>train: the run diverged (a loss or point not finite, or the loss far above its start); the point reached is still written.</summary>
    public const int Diverged = 7;

    /// <summary>train: stopped by Ctrl-C; the point reached is still written (the shell's code for an interrupt, 128 + SIGINT).</summary>
    public const int Interrupted = 130;
}

/// <summary>Bad command-line input, reported with the usage and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>An unreadable or malformed data file, reported without the usage and with exit code 4.</summary>
internal sealed class DataException(string message) : Exception(message);

/// <summary>An output file named by a flag cannot be written, reported with exit code 6.</summary>
internal sealed class OutputException(string message) : Exception(message);
