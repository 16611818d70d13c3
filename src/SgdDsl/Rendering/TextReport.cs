using System.Text;

namespace SgdDsl.Rendering;

/// <summary>The human-readable stability report.</summary>
public static class TextReport
{
    /// <summary>Renders <paramref name="report"/> for the model it was computed for.</summary>
    /// <remarks>The report carries the model's formula and names; this overload exists for callers that pass the model too.</remarks>
    public static string Render(StabilityReport report, ILossModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Render(report);
    }

    /// <summary>Renders <paramref name="report"/>, with the loss formula and names it carries.</summary>
    public static string Render(StabilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = report;
        var sb = new StringBuilder();
        void Line(string label, string text) => sb.Append("  ").Append(label.PadRight(11)).AppendLine(text);

        sb.AppendLine($"SgdDsl stability report: {r.Model}");
        Line("loss", $"ℓ = {r.LossFormula}");
        Line("data", $"N = {r.SampleCount} samples of ({string.Join(", ", r.SampleNames)})");
        Line("point", PointText(r.Minimum, r.ParameterNames));
        Line("minimum", $"L(x*) = {Numbers.Tiny(r.Loss)}, ‖∇L(x*)‖ = {Numbers.Tiny(r.GradientNorm)}: a global minimum");
        Line("spaces", $"dim T = {r.TangentDimension} (along the minima), dim N = {r.NormalDimension} (normal)");
        Line("curvature", r.NormalDimension == 0
            ? "no normal direction"
            : (r.MeanHessianSpectrumIsPartial ? $"extreme eigenvalues of the mean Hessian on N (the converged {r.MeanHessianSpectrumOnNormalSpace.Length} of {r.NormalDimension}): " : "eigenvalues of the mean Hessian on N: ") + ListText(r.MeanHessianSpectrumOnNormalSpace.Select(Numbers.Short).ToArray()));
        Line("ranks", "rank H_i = " + ListText(r.SampleRanks.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            + $", largest {r.LargestSampleRank}"
            + (r.FromSquaredResidual
                ? r.OutputCount is > 1
                    ? $" (squared-residual form with K = {r.OutputCount} outputs: H_i = 2c J_iᵀJ_i, rank ≤ K, no Hessian formed)"
                    : " (squared-residual form: H_i = 2c∇f_i∇f_iᵀ, no Hessian formed)"
                : ""));
        Line("training", $"η = {Numbers.Short(r.LearningRate)}, B = {r.BatchSize}, batches {SamplingText(r.Sampling)}");
        sb.AppendLine();
        sb.AppendLine($"  GD   μ = {Numbers.Short(r.Mu),-28} {VerdictText.Json(r.GdVerdict)}");
        sb.AppendLine($"  SGD  λ = {LambdaText.Describe(r),-28} {VerdictText.Json(r.SgdVerdict)}");
        sb.AppendLine($"       {LambdaText.Bounds(r)}");
        if (r.Spectrum.Count > 1)
            sb.AppendLine("       spectrum " + string.Join(", ", r.Spectrum.Select(e => e.StandardError > 0 ? $"{Numbers.Short(e.Exponent)} ± {Numbers.Tiny(e.StandardError)}" : Numbers.Short(e.Exponent))));
        sb.AppendLine($"  Wu–Ma–E sharpness a = {Numbers.Short(r.Sharpness)} {Against(r.Sharpness, r.SharpnessThreshold, "2/η")}, " +
                      $"non-uniformity s = {Numbers.Short(r.NonUniformity)} {Against(r.NonUniformity, r.NonUniformityThreshold, "its bound")}");
        sb.AppendLine();
        sb.AppendLine("  " + VerdictText.Meaning(r));
        foreach (var caveat in r.Caveats) sb.AppendLine("  caveat: " + caveat);
        foreach (var note in r.Notes) sb.AppendLine("  note: " + note);
        return sb.ToString();
    }

    /// <summary>The coordinates of x*, the first few only when there are many (the JSON has them all).</summary>
    private static string PointText(double[] point, IReadOnlyList<string> names)
    {
        const int shown = 6;
        var count = point.Length > shown + 2 ? shown : point.Length;
        var parts = Enumerable.Range(0, count).Select(i => $"{(i < names.Count ? names[i] : $"θ[{i}]")} = {Numbers.Short(point[i])}");
        var more = point.Length > shown + 2 ? $", … ({point.Length} coordinates)" : "";
        return "x* = (" + string.Join(", ", parts) + more + ")";
    }

    /// <summary>"≤ 2/η = 13.3 (met)" or "> … (exceeded)": their necessary conditions for mean-square stability.</summary>
    private static string Against(double value, double threshold, string what) =>
        value <= threshold ? $"≤ {what} = {Numbers.Short(threshold)}" : $"> {what} = {Numbers.Short(threshold)} (their mean-square condition fails)";

    private static string ListText(string[] items) =>
        items.Length <= 12 ? string.Join(", ", items) : string.Join(", ", items.Take(10)) + $", … ({items.Length} values)";

    /// <summary>How batches are drawn, in words.</summary>
    public static string SamplingText(BatchSampling sampling) => sampling switch
    {
        BatchSampling.WithoutReplacement => "drawn without replacement",
        BatchSampling.WithReplacement => "drawn with replacement",
        _ => "by random reshuffling",
    };
}
