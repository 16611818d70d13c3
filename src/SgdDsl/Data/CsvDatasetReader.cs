using System.Globalization;

namespace SgdDsl.Data;

/// <summary>Parses a headed CSV file of numbers into a row-major table in a required column order.</summary>
internal static class CsvDatasetReader
{
    public static (double[] Values, int Count) Read(string path, IReadOnlyList<string> columns)
    {
        var values = new List<double>();
        int[]? fieldToColumn = null;
        var count = 0;
        var fields = new List<string>();
        using var reader = CsvLineReader.Open(path, line => fieldToColumn is null ? $"CSV file '{path}', line {line} (header)" : Where(path, line, count));
        var expected = string.Join(", ", columns);
        var (headerLimit, rowLimit) = ($"the model has {columns.Count} data columns ({Excerpt.Of(expected)})", $"the header has {columns.Count}");
        // One field more than the model has lets the header name the column it should not have.
        while (fieldToColumn is null ? reader.Next(fields, columns.Count + 1, headerLimit) : reader.Next(fields, columns.Count, rowLimit))
        {
            var lineNumber = reader.LineNumber;
            if (fields is [{ Length: 0 }])
                continue;
            if (fieldToColumn is null)
            {
                fieldToColumn = MapHeader(path, lineNumber, fields, columns);
                continue;
            }
            if (fields.Count != columns.Count)
                throw new FormatException(
                    $"{Where(path, lineNumber, count)}: {fields.Count} fields but the header has {columns.Count}.");
            var row = new double[columns.Count];
            for (var f = 0; f < fields.Count; f++)
            {
                var column = fieldToColumn[f];
                var text = fields[f];
                var at = $"{Where(path, lineNumber, count)}, column '{columns[column]}' (field {f + 1})";
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw new FormatException($"{at}: '{Excerpt.Of(text)}' is not a number.");
                if (!double.IsFinite(value))
                    throw new FormatException($"{at}: '{Excerpt.Of(text)}' is not finite; every value must be finite.");
                row[column] = value;
            }
            values.AddRange(row);
            count++;
        }
        if (fieldToColumn is null)
            throw new FormatException($"CSV file '{path}' is empty: expected a header line naming {expected}.");
        if (count == 0)
            throw new FormatException($"CSV file '{path}' has a header but no data rows.");
        return (values.ToArray(), count);
    }

    private static string Where(string path, int lineNumber, int row) =>
        $"CSV file '{path}', line {lineNumber} (data row {row})";

    private static int[] MapHeader(string path, int lineNumber, List<string> fields, IReadOnlyList<string> columns)
    {
        var expected = string.Join(", ", columns);
        var map = new int[fields.Count];
        var seen = new bool[columns.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            var name = fields[f];
            var column = IndexOf(columns, name);
            if (column < 0)
                throw new FormatException(
                    $"CSV file '{path}', line {lineNumber} (header), field {f + 1}: column '{Excerpt.Of(name)}' is not a data column of the model (expected {expected}).");
            if (seen[column])
                throw new FormatException(
                    $"CSV file '{path}', line {lineNumber} (header), field {f + 1}: column '{Excerpt.Of(name)}' appears twice.");
            seen[column] = true;
            map[f] = column;
        }
        for (var c = 0; c < columns.Count; c++)
        {
            if (!seen[c])
                throw new FormatException(
                    $"CSV file '{path}', line {lineNumber} (header): missing column '{columns[c]}' (expected {expected}).");
        }
        return map;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            if (string.Equals(columns[c], name, StringComparison.Ordinal))
                return c;
        }
        return -1;
    }
}
