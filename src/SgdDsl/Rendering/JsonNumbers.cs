using System.Text.Json;

namespace SgdDsl.Rendering;

/// <summary>JSON numbers as the reports write them: NaN and ±∞, which JSON lacks, as the strings "NaN", "Infinity", "-Infinity".</summary>
internal static class JsonNumbers
{
    public static void Write(Utf8JsonWriter w, string key, double x)
    {
        w.WritePropertyName(key);
        Write(w, x);
    }

    public static void Write(Utf8JsonWriter w, double x)
    {
        if (double.IsFinite(x)) w.WriteNumberValue(x);
        else w.WriteStringValue(double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
    }

    public static void WriteArray(Utf8JsonWriter w, string key, IEnumerable<double> values)
    {
        w.WriteStartArray(key);
        foreach (var x in values) Write(w, x);
        w.WriteEndArray();
    }
}
