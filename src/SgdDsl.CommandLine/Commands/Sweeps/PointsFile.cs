using SgdDsl.Data;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>
/// Starts from <c>--points FILE.csv</c>: a header naming some or all of the model's parameters, one start per line.
/// Parameters the header leaves out keep their value in the base point (--at or the built-in minimum). Errors are data
/// errors that name the file, the line and the column.
/// </summary>
internal static class PointsFile
{
    public static IReadOnlyList<StartPoint> Read(FileInfo file, ILossModel model, double[]? basePoint)
    {
        try
        {
            return ReadLines(file, model, basePoint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"--points: {e.Message}");
        }
        catch (FormatException e)
        {
            throw new DataException(e.Message);
        }
    }

    private static List<StartPoint> ReadLines(FileInfo file, ILossModel model, double[]? basePoint)
    {
        var where = $"--points: {file.FullName}";
        var names = model.ParameterNames.ToList();
        using var reader = CsvLineReader.Open(file.FullName, line => $"{where}, line {line}");
        var fields = new List<string>();
        string[]? header = null;
        int[] columns = [];
        var starts = new List<StartPoint>();
        // One field more than the model has parameters lets the header name the one it should not have.
        while (header is null
                   ? reader.Next(fields, model.ParameterCount + 1, $"{model.Name} has {model.ParameterCount} parameters")
                   : reader.Next(fields, header.Length, $"the header has {header.Length}"))
        {
            var line = reader.LineNumber;
            if (fields is [{ Length: 0 }]) continue;
            if (header is null)
            {
                header = fields.ToArray();
                columns = Header(header, names, model, basePoint, $"{where}, line {line}");
                continue;
            }
            if (fields.Count != header.Length)
                throw new DataException($"{where}, line {line}: {fields.Count} fields but the header has {header.Length}.");
            if (starts.Count == SweepGrid.MaxPoints)
                throw new DataException($"{where}, line {line}: more than {SweepGrid.MaxPoints} points, the most a sweep takes.");
            var start = basePoint is null ? new double[model.ParameterCount] : (double[])basePoint.Clone();
            for (var c = 0; c < fields.Count; c++)
            {
                if (!NumberOption.TryParseReal(fields[c], out var x))
                    throw new DataException($"{where}, line {line}, column {c + 1} ({header[c]}): '{Excerpt.Of(fields[c])}' is not a finite number.");
                start[columns[c]] = x;
            }
            starts.Add(new StartPoint(start, [("line", line)]));
        }
        if (header is null) throw new DataException($"{where}: the file is empty; it needs a header naming parameters ({string.Join(", ", model.ParameterNames)}).");
        if (starts.Count == 0) throw new DataException($"{where}: no points after the header.");
        return starts;
    }

    private static int[] Header(string[] header, List<string> names, ILossModel model, double[]? basePoint, string where)
    {
        var columns = new int[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            columns[c] = names.IndexOf(header[c]);
            if (columns[c] < 0)
                throw new DataException($"{where}, column {c + 1}: '{Excerpt.Of(header[c])}' is not a parameter of {model.Name} ({string.Join(", ", model.ParameterNames)}).");
            if (Array.IndexOf(header, header[c]) != c)
                throw new DataException($"{where}, column {c + 1}: '{header[c]}' appears twice.");
        }
        if (basePoint is null && header.Length < model.ParameterCount)
            throw new DataException($"{where}: the header leaves parameters open and there is no --at to take them from.");
        return columns;
    }
}
