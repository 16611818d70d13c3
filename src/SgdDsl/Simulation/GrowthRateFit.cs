namespace SgdDsl.Simulating;

/// <summary>
/// λ̂ = Σ_j S_j / Σ_j τ_j with S_j = log(D_τj/D₀): the least-squares constant through every per-step increment of
/// log D in the trials' linear-regime windows. Its standard error is the ratio estimator's:
/// √(Σ_j (S_j − λ̂τ_j)² / (n(n − 1))) / mean τ.
/// </summary>
internal static class GrowthRateFit
{
    public static (double Rate, double StandardError, long Steps) Pool(IEnumerable<SimulationTrial> trials)
    {
        var fitted = trials.Where(t => t.FitSteps > 0 && double.IsFinite(t.FitLogGrowth)).ToList();
        if (fitted.Count == 0) return (double.NaN, double.NaN, 0);
        long steps = 0;
        var growth = 0.0;
        foreach (var t in fitted)
        {
            steps += t.FitSteps;
            growth += t.FitLogGrowth;
        }
        var rate = growth / steps;
        if (fitted.Count < 2) return (rate, double.NaN, steps);
        var squares = fitted.Sum(t => Math.Pow(t.FitLogGrowth - rate * t.FitSteps, 2));
        var n = fitted.Count;
        var meanSteps = (double)steps / n;
        return (rate, Math.Sqrt(squares / (n * (n - 1.0))) / meanSteps, steps);
    }
}
