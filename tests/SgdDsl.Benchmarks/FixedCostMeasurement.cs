using System.Diagnostics;
using SgdDsl.Exponents;

namespace SgdDsl.Benchmarks;

/// <summary>
/// Part of <c>--lambda</c>: what an analysis costs before its first Monte Carlo step (the mean spectrum for μ, the
/// determinant and mean-square bounds, Wu–Ma–E), stage by stage, against the estimate itself on one thread.
/// Each stage is timed several times after a warm-up and the minimum is printed (the machine is shared).
/// </summary>
public static class FixedCostMeasurement
{
    public static void Run(string name, TeacherProblem problem, StabilityOptions options, int repeats)
    {
        var linearization = Stability.Linearize(problem.Model, problem.Data, problem.Minimum, options);
        var hessians = linearization.Inner.Hessians;
        var r = hessians.Dimension;
        var settings = (options with { MaxDegreeOfParallelism = 1 }).Lambda();
        double[] spectrum = [];
        var tSpectrum = Min(repeats, () => spectrum = GdExponent.Spectrum(hessians.Mean, r));
        var bounds = default(LambdaBounds);
        var tBounds = Min(repeats, () => bounds = ExponentBounds.Compute(hessians, settings));
        double? meanSquare = null;
        var (alpha, _) = MeanSquareExponent.PairWeights(hessians.Count, settings.BatchSize, settings.Sampling);
        var tMeanSquare = Min(repeats, () => meanSquare = MeanSquareExponent.Compute(hessians, settings.LearningRate, settings.BatchSize, settings.Sampling));
        if (r > MeanSquareExponent.DenseDimension && MeanSquareExponent.AffordableIterations(hessians) >= MeanSquareExponent.MinIterations)
        {
            var (_, beta) = MeanSquareExponent.PairWeights(hessians.Count, settings.BatchSize, settings.Sampling);
            var (upper, lower, applications) = new SecondMoment(hessians, settings.LearningRate, alpha, beta)
                .SpectralRadiusBounds(MeanSquareExponent.AffordableIterations(hessians), 1e-6);
            Console.WriteLine($"  mean-square: ρ in [{lower:R}, {upper:R}] after {applications} applications (cap {MeanSquareExponent.AffordableIterations(hessians)} Lanczos steps)");
        }
        var tWuMaE = Min(repeats, () => WuMaE.Compute(hessians, spectrum));
        var tCommuting = Min(repeats, () => CommutingFamily.JointCurvatures(hessians));
        LyapunovEstimate estimate = null!;
        var tEstimate = Min(Math.Min(repeats, 3), () => estimate = LyapunovEstimator.Estimate(hessians, settings, 1, LyapunovEstimator.StopRule.VerdictDecided));
        var fixedCost = tSpectrum + tBounds + tWuMaE + tCommuting;
        StabilityReport report = null!;
        var analyzeOptions = options with { AlwaysEstimate = false, MaxDegreeOfParallelism = 1 };
        var tAnalyze = Min(Math.Min(repeats, 3), () => report = Stability.Analyze(problem.Model, problem.Data, problem.Minimum, analyzeOptions));
        Console.WriteLine($"{name}: r = {r}, N = {hessians.Count}, B = {settings.BatchSize}, α = {alpha:G4}; min of {repeats} runs, one thread");
        Console.WriteLine($"  mean spectrum (μ) {Ms(tSpectrum)}; bounds {Ms(tBounds)} (mean-square {Ms(tMeanSquare)}, determinant {Ms(tBounds - tMeanSquare)}); Wu–Ma–E {Ms(tWuMaE)}; commutation test {Ms(tCommuting)}");
        Console.WriteLine($"  bounds [{bounds.Lower:G6} ± {bounds.LowerStandardError:G3}, {meanSquare?.ToString("G6") ?? "skipped"}]");
        Console.WriteLine($"  fixed costs {Ms(fixedCost)}; estimate {Ms(tEstimate)} for {estimate.MeasuredSteps:N0} steps " +
                          $"(λ = {estimate.Value:G6} ± {estimate.StandardError:G3}); fixed share {fixedCost / (fixedCost + tEstimate):P1}");
        Console.WriteLine($"  a default Analyze (length from the target, one thread): {Ms(tAnalyze)}, {report.Steps:N0} steps, λ = {report.Lambda:G6} ± {report.LambdaStandardError:G3} " +
                          $"({report.LambdaMethod}); fixed costs are {fixedCost / tAnalyze:P1} of it");
    }

    private static double Min(int repeats, Action action)
    {
        action();
        var best = double.PositiveInfinity;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static string Ms(double seconds) => $"{seconds * 1e3:F1} ms";
}
