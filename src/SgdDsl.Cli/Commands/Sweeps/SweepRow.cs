using System.Text;
using System.Text.Json;
using SgdDsl.Rendering;

namespace SgdDsl.Cli.Commands.Sweeps;

/// <summary>
/// One JSON line per grid point (the README lists the keys). Rows hold no timestamps or timings, so a point gives the
/// same line however and wherever it was computed, and shards merge to the rows of an unsharded sweep.
/// </summary>
internal static class SweepRow
{
    public static string Ok(GridPoint g, StabilityReport r, double moved) => Write(g, w =>
    {
        w.WriteString("status", "ok");
        Numbers(w, "point", r.Minimum);
        Number(w, "moved", moved);
        Number(w, "loss", r.Loss);
        Number(w, "gradientNorm", r.GradientNorm);
        w.WriteNumber("normalDimension", r.NormalDimension);
        w.WriteNumber("sampleCount", r.SampleCount);
        Number(w, "mu", r.Mu);
        w.WriteString("gdVerdict", VerdictText.Json(r.GdVerdict));
        Number(w, "lambda", r.Lambda);
        Number(w, "lambdaStdErr", r.LambdaStandardError);
        w.WriteString("lambdaMethod", JsonReport.MethodName(r.LambdaMethod));
        w.WriteString("sgdVerdict", VerdictText.Json(r.SgdVerdict));
        Number(w, "lambdaLower", r.LambdaBounds.Lower);
        Number(w, "lambdaUpper", r.LambdaBounds.Upper);
        Number(w, "lambdaLowerStdErr", r.LambdaBounds.LowerStandardError);
        Number(w, "sharpness", r.Sharpness);
        Number(w, "nonUniformity", r.NonUniformity);
        Number(w, "sharpnessThreshold", r.SharpnessThreshold);
        Number(w, "nonUniformityThreshold", r.NonUniformityThreshold);
        w.WriteNumber("steps", r.Steps);
        w.WriteNumber("caveats", r.Caveats.Count);
    });

    /// <summary>A point where no minimum was found or the analysis failed: status "not-a-minimum" or "failed" and a message.</summary>
    public static string Failed(GridPoint g, string status, string message, double[]? point) => Write(g, w =>
    {
        w.WriteString("status", status);
        if (point is not null) Numbers(w, "point", point);
        w.WriteString("message", message);
    });

    private static string Write(GridPoint g, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("index", g.Index);
            w.WriteString("key", g.Key);
            w.WriteNumber("position", g.PositionIndex);
            w.WriteStartObject("at");
            foreach (var (name, value) in g.Position.Labels) Number(w, name, value);
            w.WriteEndObject();
            Numbers(w, "start", g.Position.Start);
            Number(w, "eta", g.LearningRate);
            w.WriteNumber("batchSize", g.BatchSize);
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string key, double x)
    {
        w.WritePropertyName(key);
        if (double.IsFinite(x)) w.WriteNumberValue(x);
        else w.WriteStringValue(double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
    }

    private static void Numbers(Utf8JsonWriter w, string key, IEnumerable<double> xs)
    {
        w.WriteStartArray(key);
        foreach (var x in xs)
        {
            if (double.IsFinite(x)) w.WriteNumberValue(x);
            else w.WriteStringValue(double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
        }
        w.WriteEndArray();
    }
}
