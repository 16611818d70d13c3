using System.Globalization;
using System.Text.Json;

namespace SgdDsl.Data;

/// <summary>Reads θ from the <c>parameterNames</c> and <c>theta</c> arrays of a training run's JSON.</summary>
internal static class PointJsonReader
{
    public static double[] Read(string path, ILossModel model)
    {
        using var document = Parse(path);
        var where = $"JSON point file '{path}'";
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new PointFileException(path, null, $"{where}: expected an object with parameterNames and theta.");
        var names = ArrayNamed(root, "parameterNames", path, where);
        var values = ArrayNamed(root, "theta", path, where);
        var (nameCount, valueCount) = (names.GetArrayLength(), values.GetArrayLength());
        var point = new PointAssembler(path, model);
        using var name = names.EnumerateArray();
        using var value = values.EnumerateArray();
        for (var i = 0; ; i++)
        {
            var (hasName, hasValue) = (name.MoveNext(), value.MoveNext());
            if (!hasName && !hasValue) break;
            if (!hasValue)
            {
                var missing = NameAt(name.Current, i, path, where);
                throw new PointFileException(path, missing,
                    $"{where}: theta has {valueCount} values but parameterNames has {nameCount}, so '{missing}' has no value.");
            }
            if (!hasName)
                throw new PointFileException(path, null,
                    $"{where}: theta has {valueCount} values but parameterNames has {nameCount}: theta[{i}] is an extra value with no name.");
            var at = $"{where}, theta[{i}]";
            var k = point.Position(NameAt(name.Current, i, path, where), at);
            var element = value.Current;
            switch (element.ValueKind)
            {
                case JsonValueKind.Number when element.TryGetDouble(out var x):
                    point.Set(k, x, element.GetRawText(), at);
                    break;
                case JsonValueKind.Number:
                    // Out of range of a double: 1e400 is not finite.
                    point.Set(k, double.PositiveInfinity, element.GetRawText(), at);
                    break;
                case JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && !double.IsFinite(s):
                    // The reports write NaN and ±∞ as strings: read them so the message can say the value is not finite.
                    point.Set(k, s, element.GetString()!, at);
                    break;
                default:
                    throw point.NotANumber(k, element.GetRawText(), at);
            }
        }
        return point.Finish();
    }

    private static JsonDocument Parse(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new PointFileException(path, null, $"JSON point file '{path}' is not valid JSON: {e.Message}");
        }
    }

    private static JsonElement ArrayNamed(JsonElement root, string key, string path, string where)
    {
        if (!root.TryGetProperty(key, out var array))
            throw new PointFileException(path, null, $"{where}: no '{key}' array.");
        if (array.ValueKind != JsonValueKind.Array)
            throw new PointFileException(path, null, $"{where}: '{key}' is not an array.");
        return array;
    }

    private static string NameAt(JsonElement element, int i, string path, string where) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new PointFileException(path, null, $"{where}: parameterNames[{i}] is {Excerpt.Of(element.GetRawText())}, not a name (a string).");
}
