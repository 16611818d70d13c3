using System.Text;
using System.Text.Json;
using SgdDsl.Rendering;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>How a grid point ended, as its row's "status" says: "ok", "not-a-minimum" or "failed".</summary>
internal enum PointStatus { Ok, NotAMinimum, Failed }

/// <summary>A computed grid point: how it ended and its JSON line.</summary>
internal readonly record struct PointOutcome(PointStatus Status, string Row);

/// <summary>
/// One JSON line per grid point (the README lists the keys). Rows hold no timestamps or timings, so a point gives the
/// same line however and wherever it was computed, and shards merge to the rows of an unsharded sweep.
/// </summary>
internal static class SweepRow
{
    public static PointOutcome Ok(GridPoint g, SweepInputs inputs, StabilityReport r, double moved) => Write(g, inputs, PointStatus.Ok, w =>
    {
        JsonNumbers.WriteArray(w, "point", r.Minimum);
        JsonNumbers.Write(w, "moved", moved);
        JsonNumbers.Write(w, "loss", r.Loss);
        JsonNumbers.Write(w, "gradientNorm", r.GradientNorm);
        w.WriteNumber("normalDimension", r.NormalDimension);
        w.WriteNumber("sampleCount", r.SampleCount);
        JsonNumbers.Write(w, "mu", r.Mu);
        w.WriteString("gdVerdict", VerdictText.Json(r.GdVerdict));
        JsonNumbers.Write(w, "lambda", r.Lambda);
        JsonNumbers.Write(w, "lambdaStdErr", r.LambdaStandardError);
        w.WriteString("lambdaMethod", JsonReport.MethodName(r.LambdaMethod));
        JsonReport.WriteCertifiedBy(w, r.CertifiedBy);
        w.WriteString("sgdVerdict", VerdictText.Json(r.SgdVerdict));
        JsonNumbers.Write(w, "lambdaLower", r.LambdaBounds.Lower);
        JsonNumbers.Write(w, "lambdaUpper", r.LambdaBounds.Upper);
        JsonNumbers.Write(w, "lambdaLowerStdErr", r.LambdaBounds.LowerStandardError);
        JsonNumbers.Write(w, "sharpness", r.Sharpness);
        JsonNumbers.Write(w, "nonUniformity", r.NonUniformity);
        JsonNumbers.Write(w, "sharpnessThreshold", r.SharpnessThreshold);
        JsonNumbers.Write(w, "nonUniformityThreshold", r.NonUniformityThreshold);
        w.WriteNumber("steps", r.Steps);
        w.WriteNumber("caveats", r.Caveats.Count);
        if (r.OutputCount is { } outputs) w.WriteNumber("outputs", outputs);
        else w.WriteNull("outputs");
        w.WriteNumber("largestSampleRank", r.LargestSampleRank);
    });

    /// <summary>A point where no minimum was found or the analysis failed (<paramref name="status"/>), with a message.</summary>
    public static PointOutcome Failed(GridPoint g, SweepInputs inputs, PointStatus status, string message, double[]? point) => Write(g, inputs, status, w =>
    {
        if (point is not null) JsonNumbers.WriteArray(w, "point", point);
        w.WriteString("message", message);
    });

    /// <summary>
    /// The first bytes of every row of <paramref name="g"/>, up to and including "inputs" (what is written before
    /// anything computed): a line cut short that is a prefix of this, or extends it, is an interrupted row of this sweep.
    /// </summary>
    public static string Start(GridPoint g, SweepInputs inputs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            WriteStart(w, g, inputs);
            w.Flush();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStart(Utf8JsonWriter w, GridPoint g, SweepInputs inputs)
    {
        w.WriteStartObject();
        w.WriteNumber("index", g.Index);
        w.WriteString("key", g.Key);
        inputs.Write(w);
    }

    private static PointOutcome Write(GridPoint g, SweepInputs inputs, PointStatus status, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            WriteStart(w, g, inputs);
            w.WriteNumber("position", g.PositionIndex);
            w.WriteStartObject("at");
            foreach (var (name, value) in g.Position.Labels) JsonNumbers.Write(w, name, value);
            w.WriteEndObject();
            JsonNumbers.WriteArray(w, "start", g.Position.Start);
            JsonNumbers.Write(w, "eta", g.LearningRate);
            w.WriteNumber("batchSize", g.BatchSize);
            w.WriteString("status", status switch { PointStatus.Ok => "ok", PointStatus.NotAMinimum => "not-a-minimum", _ => "failed" });
            body(w);
            w.WriteEndObject();
        }
        return new PointOutcome(status, Encoding.UTF8.GetString(stream.ToArray()));
    }
}
