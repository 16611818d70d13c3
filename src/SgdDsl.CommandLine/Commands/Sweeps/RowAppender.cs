using System.Text;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>
/// Appends rows to --out, each row and its newline in one unbuffered write, so a reader (or an interruption) sees whole
/// lines, or at worst one last line cut short, which --resume recognises.
/// </summary>
internal sealed class RowAppender(string path) : IDisposable
{
    private readonly FileStream _stream = new(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);

    public void Append(string row) => _stream.Write(Encoding.UTF8.GetBytes(row + "\n"));

    public void Dispose() => _stream.Dispose();
}
