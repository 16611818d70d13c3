using System.Text;

namespace SgdDsl.Rendering;

/// <summary>A simulation as a short plain-text summary, set beside λ and μ when an analysis is given.</summary>
public static class SimulationText
{
    /// <summary>Renders <paramref name="result"/>; with <paramref name="analysis"/> (same η, B, sampling) it compares the fitted rate with λ.</summary>
    public static string Render(SimulationResult result, StabilityReport? analysis = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var n = result.Trials.Count;
        var s = new StringBuilder();
        s.AppendLine(FormattableString.Invariant($"SGD simulation: {result.Model} at ({string.Join(", ", result.Minimum.Select(Numbers.Short))})"));
        s.AppendLine(FormattableString.Invariant($"  η = {Numbers.Short(o.LearningRate)}, B = {o.BatchSize} ({SamplingNames.Name(o.Sampling)}), {n} trials × {o.Steps} steps, seed {o.Seed}"));
        s.AppendLine(FormattableString.Invariant($"  start x* + δu, δ = {Numbers.Tiny(o.Displacement)}, u uniform on the unit sphere of N (dim {result.NormalDimension}); accumulate = L ≤ {Numbers.Tiny(o.LossTolerance)} within R = {Numbers.Tiny(o.Radius)}"));
        s.AppendLine();
        s.AppendLine(FormattableString.Invariant($"  accumulated  {result.Accumulated}/{n} = {result.AccumulatedFraction:0.000}  (Wilson {Level(o.IntervalZ)} interval {result.AccumulatedLower:0.000} … {result.AccumulatedUpper:0.000})"));
        s.AppendLine(FormattableString.Invariant($"  escaped {result.Escaped}, diverged {result.Diverged}, unsettled {result.Unsettled}"));
        s.AppendLine(double.IsNaN(result.GrowthRate)
            ? "  growth rate of the normal distance: none (no trial had a measurable distance)"
            : FormattableString.Invariant($"  growth rate of the normal distance  {Numbers.Short(result.GrowthRate)} ± {Numbers.Short(result.GrowthRateStandardError)} per step (over {result.GrowthRateSteps} steps in the linear regime)"));
        if (analysis is not null)
        {
            s.AppendLine($"  λ (analysis) = {LambdaText.Describe(analysis)}; μ = {Numbers.Short(analysis.Mu)}");
            var error = Math.Sqrt(Sq(result.GrowthRateStandardError) + Sq(analysis.LambdaStandardError));
            if (double.IsFinite(analysis.Lambda) && error > 0 && double.IsFinite(result.GrowthRate))
                s.AppendLine(FormattableString.Invariant($"  rate − λ = {Numbers.Short(result.GrowthRate - analysis.Lambda)}, {Math.Abs(result.GrowthRate - analysis.Lambda) / error:0.0} standard errors"));
            s.AppendLine("  " + Expectation(analysis.SgdVerdict, result));
        }
        foreach (var note in result.Notes)
            s.AppendLine("  note: " + note);
        return s.ToString();
    }

    private static string Expectation(Verdict verdict, SimulationResult r) => verdict switch
    {
        Verdict.Stable => FormattableString.Invariant($"Theorem: λ < 0, so SGD accumulates here with positive probability; observed in {100 * r.AccumulatedFraction:0}% of trials."),
        Verdict.Unstable => FormattableString.Invariant($"Theorem: λ > 0, so SGD does not accumulate here; observed in {100 * r.AccumulatedFraction:0}% of trials."),
        _ => "λ is not decided (at or near 0): the theorems say nothing here.",
    };

    private static string Level(double z) => Math.Abs(z - 1.959964) < 1e-3 ? "95%" : $"z = {Numbers.Short(z)}";

    private static double Sq(double x) => x * x;
}
