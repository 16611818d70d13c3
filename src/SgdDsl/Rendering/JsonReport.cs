using System.Text;
using System.Text.Json;

namespace SgdDsl.Rendering;

/// <summary>
/// The report as one JSON object. The keys model, minimum, loss, gradientNorm, learningRate,
/// batchSize, normalDimension, tangentDimension, mu, gdVerdict, lambda, lambdaStdErr and sgdVerdict
/// are a public contract, and so are lambdaMethod ("exact", "certified", "estimate"), certifiedBy ("upper", "lower" or
/// null: the bound that certified the sign; lambda is the estimate either way), lambdaLower, lambdaUpper,
/// spectrum (objects with exponent and stdErr), sharpness, nonUniformity, steps and caveats; more keys may follow. Infinite numbers (λ = −∞) are written as the
/// strings "-Infinity" and "Infinity", since JSON has no literal for them.
/// </summary>
public static class JsonReport
{
    /// <summary>Renders <paramref name="report"/> as indented JSON.</summary>
    public static string Render(StabilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = report;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", r.Model);
            JsonNumbers.WriteArray(w, "minimum", r.Minimum);
            JsonNumbers.Write(w, "loss", r.Loss);
            JsonNumbers.Write(w, "gradientNorm", r.GradientNorm);
            JsonNumbers.Write(w, "learningRate", r.LearningRate);
            w.WriteNumber("batchSize", r.BatchSize);
            w.WriteNumber("normalDimension", r.NormalDimension);
            w.WriteNumber("tangentDimension", r.TangentDimension);
            JsonNumbers.Write(w, "mu", r.Mu);
            w.WriteString("gdVerdict", VerdictText.Json(r.GdVerdict));
            JsonNumbers.Write(w, "lambda", r.Lambda);
            JsonNumbers.Write(w, "lambdaStdErr", r.LambdaStandardError);
            w.WriteString("sgdVerdict", VerdictText.Json(r.SgdVerdict));
            w.WriteString("lambdaMethod", MethodName(r.LambdaMethod));
            WriteCertifiedBy(w, r.CertifiedBy);
            JsonNumbers.Write(w, "lambdaLower", r.LambdaBounds.Lower);
            JsonNumbers.Write(w, "lambdaUpper", r.LambdaBounds.Upper);
            JsonNumbers.Write(w, "lambdaLowerStdErr", r.LambdaBounds.LowerStandardError);
            w.WriteStartArray("spectrum");
            foreach (var e in r.Spectrum)
            {
                w.WriteStartObject();
                JsonNumbers.Write(w, "exponent", e.Exponent);
                JsonNumbers.Write(w, "stdErr", e.StandardError);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            JsonNumbers.Write(w, "sharpness", r.Sharpness);
            JsonNumbers.Write(w, "nonUniformity", r.NonUniformity);
            JsonNumbers.Write(w, "sharpnessThreshold", r.SharpnessThreshold);
            JsonNumbers.Write(w, "nonUniformityThreshold", r.NonUniformityThreshold);
            w.WriteStartArray("sampleRanks");
            foreach (var rank in r.SampleRanks) w.WriteNumberValue(rank);
            w.WriteEndArray();
            w.WriteBoolean("squaredResidual", r.FromSquaredResidual);
            if (r.OutputCount is { } outputs) w.WriteNumber("outputs", outputs);
            else w.WriteNull("outputs");
            w.WriteNumber("largestSampleRank", r.LargestSampleRank);
            w.WriteString("sampling", SamplingNames.Name(r.Sampling));
            w.WriteNumber("sampleCount", r.SampleCount);
            w.WriteNumber("steps", r.Steps);
            JsonNumbers.WriteArray(w, "meanHessianSpectrum", r.MeanHessianSpectrumOnNormalSpace);
            w.WriteBoolean("meanHessianSpectrumIsPartial", r.MeanHessianSpectrumIsPartial);
            if (r.MeanSquareExponent is { } ms) JsonNumbers.Write(w, "meanSquareExponent", ms);
            w.WriteStartArray("history");
            foreach (var h in r.History)
            {
                w.WriteStartObject();
                w.WriteNumber("stepsPerChain", h.StepsPerChain);
                JsonNumbers.Write(w, "lambda", h.Lambda);
                JsonNumbers.Write(w, "stdErr", h.StandardError);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("caveats");
            foreach (var caveat in r.Caveats) w.WriteStringValue(caveat);
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in r.Notes) w.WriteStringValue(note);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes "certifiedBy": "upper", "lower" or null.</summary>
    internal static void WriteCertifiedBy(Utf8JsonWriter w, CertifyingBound? bound)
    {
        if (bound is { } b) w.WriteString("certifiedBy", b == CertifyingBound.Upper ? "upper" : "lower");
        else w.WriteNull("certifiedBy");
    }

    /// <summary>The JSON spelling of <paramref name="method"/>: "exact", "certified" or "estimate".</summary>
    public static string MethodName(LambdaMethod method) => method switch
    {
        LambdaMethod.Exact => "exact",
        LambdaMethod.Certified => "certified",
        _ => "estimate",
    };
}
