using System.Text;
using System.Text.Json;

namespace SgdDsl.Rendering;

/// <summary>
/// A simulation as one JSON object. Keys (a public contract; more may follow): model, minimum, learningRate,
/// batchSize, sampling, seed, trials, steps, displacement, radius, lossTolerance, normalDimension, sampleCount,
/// accumulated, escaped, diverged, unsettled, accumulatedFraction, accumulatedLower, accumulatedUpper (Wilson, level in
/// intervalZ), growthRate, growthRateStdErr, growthRateSteps; with an analysis also mu, gdVerdict, lambda, lambdaStdErr, certifiedBy,
/// lambdaMethod, sgdVerdict; historySteps (the step numbers k at which distances are listed, at most 201, shared by
/// all trials), trialResults (objects index, outcome "accumulated"|"escaped"|"diverged"|"unsettled", stepsTaken,
/// endPoint, endLoss, endDistance, fitSteps, fitLogGrowth, normalDistance: D_k at each of historySteps up to
/// stepsTaken), notes. Non-finite numbers are the strings "NaN", "Infinity", "-Infinity".
/// </summary>
public static class SimulationJson
{
    /// <summary>The most distances listed per trial: histories are thinned to every ⌈steps/200⌉-th step.</summary>
    public const int HistoryPoints = 200;

    /// <summary>Renders <paramref name="result"/> (and λ, μ from <paramref name="analysis"/> when given) as indented JSON.</summary>
    public static string Render(SimulationResult result, StabilityReport? analysis = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var stride = Math.Max(1, (o.Steps + HistoryPoints - 1) / HistoryPoints);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", result.Model);
            JsonNumbers.WriteArray(w, "minimum", result.Minimum);
            JsonNumbers.Write(w, "learningRate", o.LearningRate);
            w.WriteNumber("batchSize", o.BatchSize);
            w.WriteString("sampling", SamplingNames.Name(o.Sampling));
            w.WriteNumber("seed", o.Seed);
            w.WriteNumber("trials", o.Trials);
            w.WriteNumber("steps", o.Steps);
            JsonNumbers.Write(w, "displacement", o.Displacement);
            JsonNumbers.Write(w, "radius", o.Radius);
            JsonNumbers.Write(w, "lossTolerance", o.LossTolerance);
            w.WriteNumber("normalDimension", result.NormalDimension);
            w.WriteNumber("sampleCount", result.SampleCount);
            w.WriteNumber("accumulated", result.Accumulated);
            w.WriteNumber("escaped", result.Escaped);
            w.WriteNumber("diverged", result.Diverged);
            w.WriteNumber("unsettled", result.Unsettled);
            JsonNumbers.Write(w, "accumulatedFraction", result.AccumulatedFraction);
            JsonNumbers.Write(w, "accumulatedLower", result.AccumulatedLower);
            JsonNumbers.Write(w, "accumulatedUpper", result.AccumulatedUpper);
            JsonNumbers.Write(w, "intervalZ", o.IntervalZ);
            JsonNumbers.Write(w, "growthRate", result.GrowthRate);
            JsonNumbers.Write(w, "growthRateStdErr", result.GrowthRateStandardError);
            w.WriteNumber("growthRateSteps", result.GrowthRateSteps);
            if (analysis is not null)
            {
                JsonNumbers.Write(w, "mu", analysis.Mu);
                w.WriteString("gdVerdict", VerdictText.Json(analysis.GdVerdict));
                JsonNumbers.Write(w, "lambda", analysis.Lambda);
                JsonNumbers.Write(w, "lambdaStdErr", analysis.LambdaStandardError);
                w.WriteString("lambdaMethod", JsonReport.MethodName(analysis.LambdaMethod));
                JsonReport.WriteCertifiedBy(w, analysis.CertifiedBy);
                w.WriteString("sgdVerdict", VerdictText.Json(analysis.SgdVerdict));
            }
            w.WriteStartArray("historySteps");
            for (var k = 0; k <= o.Steps; k += stride) w.WriteNumberValue(k);
            w.WriteEndArray();
            w.WriteStartArray("trialResults");
            foreach (var t in result.Trials)
            {
                w.WriteStartObject();
                w.WriteNumber("index", t.Index);
                w.WriteString("outcome", OutcomeName(t.Outcome));
                w.WriteNumber("stepsTaken", t.StepsTaken);
                JsonNumbers.WriteArray(w, "endPoint", t.EndPoint);
                JsonNumbers.Write(w, "endLoss", t.EndLoss);
                JsonNumbers.Write(w, "endDistance", t.EndDistance);
                w.WriteNumber("fitSteps", t.FitSteps);
                JsonNumbers.Write(w, "fitLogGrowth", t.FitLogGrowth);
                w.WriteStartArray("normalDistance");
                for (var k = 0; k < t.NormalDistance.Length; k += stride) JsonNumbers.Write(w, t.NormalDistance[k]);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in result.Notes) w.WriteStringValue(note);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The JSON spelling of an outcome: "accumulated", "escaped", "diverged" or "unsettled".</summary>
    public static string OutcomeName(TrialOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
