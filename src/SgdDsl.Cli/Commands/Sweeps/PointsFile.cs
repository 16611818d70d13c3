using System.Globalization;

namespace SgdDsl.Cli.Commands.Sweeps;

/// <summary>
/// Starts from <c>--points FILE.csv</c>: a header naming some or all of the model's parameters, one start per line.
/// Parameters the header leaves out keep their value in the base point (--at or the built-in minimum). Errors are data
/// errors that name the file, the line and the column.
/// </summary>
internal static class PointsFile
{
    public static IReadOnlyList<StartPoint> Read(FileInfo file, ILossModel model, double[]? basePoint)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"--points: {e.Message}");
        }
        var where = $"--points: {file.FullName}";
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0) throw new DataException($"{where}: the file is empty; it needs a header naming parameters ({string.Join(", ", model.ParameterNames)}).");
        var header = lines[first].Split(',', StringSplitOptions.TrimEntries);
        var columns = new int[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            columns[c] = model.ParameterNames.ToList().IndexOf(header[c]);
            if (columns[c] < 0)
                throw new DataException($"{where}, line {first + 1}, column {c + 1}: '{header[c]}' is not a parameter of {model.Name} ({string.Join(", ", model.ParameterNames)}).");
            if (Array.IndexOf(header, header[c]) != c)
                throw new DataException($"{where}, line {first + 1}, column {c + 1}: '{header[c]}' appears twice.");
        }
        if (basePoint is null && header.Length < model.ParameterCount)
            throw new DataException($"{where}, line {first + 1}: the header leaves parameters open and there is no --at to take them from.");

        var starts = new List<StartPoint>();
        for (var line = first + 1; line < lines.Length; line++)
        {
            if (lines[line].Trim().Length == 0) continue;
            var fields = lines[line].Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != header.Length)
                throw new DataException($"{where}, line {line + 1}: {fields.Length} fields but the header has {header.Length}.");
            var start = basePoint is null ? new double[model.ParameterCount] : (double[])basePoint.Clone();
            for (var c = 0; c < fields.Length; c++)
            {
                if (!double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
                    throw new DataException($"{where}, line {line + 1}, column {c + 1} ({header[c]}): '{fields[c]}' is not a finite number.");
                start[columns[c]] = x;
            }
            starts.Add(new StartPoint(start, [("line", line + 1)]));
        }
        if (starts.Count == 0) throw new DataException($"{where}: no points after the header.");
        return starts;
    }
}
