using System.Text;

namespace SgdDsl.Data;

/// <summary>
/// Reads a comma-separated file one line at a time, splitting at commas outside square brackets (as
/// <see cref="CommaList"/>) and refusing a line as soon as it has more fields than allowed or a field longer than
/// <see cref="MaxFieldLength"/>, so a 200 MB line costs a few bytes of memory before it is refused, not gigabytes.
/// Line ends are \n, \r\n or \r. Errors are <see cref="FormatException"/>s that start with the caller's location.
/// </summary>
internal sealed class CsvLineReader(TextReader reader, Func<int, string> where) : IDisposable
{
    /// <summary>The longest field (a name or a number) read, in characters before trimming.</summary>
    public const int MaxFieldLength = 256;

    private readonly StringBuilder _field = new();

    /// <summary>The 1-based number of the line last read.</summary>
    public int LineNumber { get; private set; }

    public static CsvLineReader Open(string path, Func<int, string> where) => new(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), where);

    /// <summary>
    /// Reads the next line into <paramref name="fields"/> (trimmed); false at the end of the file. A blank line gives
    /// one empty field. More than <paramref name="maxFields"/> fields is an error whose message ends with
    /// <paramref name="limit"/> (what allows that many, e.g. "the header has 3").
    /// </summary>
    public bool Next(List<string> fields, int maxFields, string limit)
    {
        fields.Clear();
        _field.Clear();
        var depth = 0;
        var c = reader.Read();
        if (c < 0) return false;
        LineNumber++;
        for (; c >= 0 && c != '\n'; c = reader.Read())
        {
            if (c == '\r')
            {
                if (reader.Peek() == '\n') reader.Read();
                break;
            }
            if (c == ',' && depth == 0)
            {
                Add(fields, maxFields, limit);
                continue;
            }
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            if (_field.Length == MaxFieldLength)
                throw new FormatException($"{where(LineNumber)}, field {fields.Count + 1}: longer than {MaxFieldLength} characters ('{Excerpt.Of(_field.ToString())}').");
            _field.Append((char)c);
        }
        Add(fields, maxFields, limit);
        return true;
    }

    private void Add(List<string> fields, int maxFields, string limit)
    {
        if (fields.Count == maxFields)
            throw new FormatException($"{where(LineNumber)}: more than {maxFields} fields, but {limit}.");
        fields.Add(_field.ToString().Trim());
        _field.Clear();
    }

    public void Dispose() => reader.Dispose();
}
