using System.Text.Json;

namespace SgdDsl.Rendering;

/// <summary>
/// A trained point as one JSON object, the file <c>train --out</c> writes and <see cref="PointFile.Read"/> reads back.
/// The keys are a public contract: model, parameterNames, theta (the polished point when polished, else the training
/// end point), loss and gradientNorm (at theta), method ("gd" or "sgd"), learningRate, batchSize (N for GD), sampling
/// (a <see cref="SamplingNames"/> name; null for GD, which draws no batches), seed, steps, stopReason ("loss-target",
/// "max-steps", "diverged", "cancelled"), polished, moved (how far the polish moved the end point; null when not
/// polished), history ({ step: [...], loss: [...] }, the thinned loss curve of training). Numbers are written in their
/// shortest round-trip form, so theta read back is bitwise theta; NaN and ±∞ (a diverged loss) as the strings "NaN",
/// "Infinity", "-Infinity".
/// </summary>
public static class TrainingJson
{
    /// <summary>Renders <paramref name="result"/> as indented JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Render(TrainedMinimum result)
    {
        using var stream = new MemoryStream();
        Write(stream, result);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/> as indented UTF-8 JSON (the stream stays open).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Stream stream, TrainedMinimum result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Training;
        var gd = t.Options.Method == TrainingMethod.GD;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("model", t.Model);
        w.WriteStartArray("parameterNames");
        foreach (var name in t.ParameterNames) w.WriteStringValue(name);
        w.WriteEndArray();
        JsonNumbers.WriteArray(w, "theta", result.Point);
        JsonNumbers.Write(w, "loss", result.Loss);
        JsonNumbers.Write(w, "gradientNorm", result.GradientNorm);
        w.WriteString("method", TrainingNames.Name(t.Options.Method));
        JsonNumbers.Write(w, "learningRate", t.Options.LearningRate);
        w.WriteNumber("batchSize", t.BatchSize);
        if (gd) w.WriteNull("sampling");
        else w.WriteString("sampling", SamplingNames.Name(t.Options.Sampling));
        w.WriteNumber("seed", t.Options.Seed);
        w.WriteNumber("steps", t.Steps);
        w.WriteString("stopReason", TrainingNames.Name(t.StopReason));
        w.WriteBoolean("polished", result.Polished);
        if (result.Polished) JsonNumbers.Write(w, "moved", result.Moved);
        else w.WriteNull("moved");
        w.WriteStartObject("history");
        w.WriteStartArray("step");
        foreach (var step in t.History.Steps) w.WriteNumberValue(step);
        w.WriteEndArray();
        JsonNumbers.WriteArray(w, "loss", t.History.Losses);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
