using System.Globalization;

namespace SgdDsl.Data;

/// <summary>Reads θ from a CSV of one header (parameter names) and one row of values.</summary>
internal static class PointCsvReader
{
    public static double[] Read(string path, ILossModel model)
    {
        try
        {
            return ReadLines(path, model);
        }
        catch (FormatException e) when (e is not PointFileException)
        {
            // The line reader's own refusals (a field over 256 characters, too many fields): the file's shape.
            throw new PointFileException(path, null, e.Message);
        }
    }

    private static double[] ReadLines(string path, ILossModel model)
    {
        var where = $"CSV point file '{path}'";
        var point = new PointAssembler(path, model);
        using var reader = CsvLineReader.Open(path, line => $"{where}, line {line}");
        var fields = new List<string>();
        string[]? header = null;
        int[] positions = [];
        var rows = 0;
        // A header of more than d names holds an unknown or repeated one; room for 2d + 1 fields lets the message name it
        // (only a longer header meets the line reader's generic refusal), and a row may show its one extra value.
        while (reader.Next(fields, header is null ? 2 * model.ParameterCount + 1 : header.Length + 1,
                   header is null ? $"model {model.Name} has {model.ParameterCount} parameters" : $"the header has {header.Length}"))
        {
            var at = $"{where}, line {reader.LineNumber}";
            if (fields is [{ Length: 0 }]) continue;
            if (header is null)
            {
                header = [.. fields];
                positions = header.Select((name, f) => point.Position(name, $"{at} (header), field {f + 1}")).ToArray();
                continue;
            }
            if (++rows > 1)
                throw new PointFileException(path, null, $"{at}: a second row of values; a point file holds one.");
            if (fields.Count > header.Length)
                throw new PointFileException(path, null,
                    $"{at}: {fields.Count} values but the header names {header.Length} parameters; field {header.Length + 1} is an extra value with no name.");
            if (fields.Count < header.Length)
                throw new PointFileException(path, header[fields.Count],
                    $"{at}: {fields.Count} values but the header names {header.Length} parameters, so '{header[fields.Count]}' has no value.");
            for (var f = 0; f < fields.Count; f++)
            {
                var fieldAt = $"{at}, field {f + 1}";
                if (!double.TryParse(fields[f], NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                    throw point.NotANumber(positions[f], fields[f], fieldAt);
                point.Set(positions[f], x, fields[f], fieldAt);
            }
        }
        if (header is null)
            throw new PointFileException(path, null, $"{where} is empty: expected a header naming the parameters of model {model.Name} and one row of values.");
        if (rows == 0)
            throw new PointFileException(path, header.FirstOrDefault(),
                $"{where}: a header but no row of values, so '{header.FirstOrDefault()}' has no value.");
        return point.Finish();
    }
}
