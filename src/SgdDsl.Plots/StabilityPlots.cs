namespace SgdDsl.Plots;

/// <summary>
/// Writes pictures of SgdDsl results. Each method renders one chart to <c>path</c>, whose extension (.png or .svg)
/// picks the format, creating the folder when needed. Sizes are in pixels.
/// </summary>
public static class StabilityPlots
{
    /// <summary>μ and λ against η (or a position on the manifold) with λ's error band and the zero line.</summary>
    /// <exception cref="ArgumentException">The path does not end in .png or .svg, or the curve cannot be drawn.</exception>
    public static void Exponents(ExponentCurve curve, string path, int width = 1000, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ImageFile.FormatOf(path);
        ImageFile.Save(ExponentChart.Build(curve), path, width, height);
    }

    /// <summary>The GD and SGD verdicts over (position × η), side by side.</summary>
    /// <exception cref="ArgumentException">The path does not end in .png or .svg, or the grid is empty.</exception>
    public static void StabilityMap(StabilityGrid grid, string path, int width = 1400, int height = 650)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ImageFile.FormatOf(path);
        ImageFile.Save(StabilityMapChart.Build(grid), path, width, height);
    }

    /// <summary>The convergence history of λ̂ with its error band.</summary>
    /// <exception cref="ArgumentException">The path does not end in .png or .svg, or the history is empty.</exception>
    public static void Convergence(LambdaConvergence convergence, string path, int width = 1000, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(convergence);
        ImageFile.FormatOf(path);
        ImageFile.Save(ConvergenceChart.Build(convergence), path, width, height);
    }

    /// <summary>The normal distance of simulated trajectories over time, on a log scale.</summary>
    /// <exception cref="ArgumentException">The path does not end in .png or .svg, or no trace has a distance history.</exception>
    public static void NormalDistance(DistanceTraces traces, string path, int width = 1000, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ImageFile.FormatOf(path);
        ImageFile.Save(DistanceChart.Build(traces), path, width, height);
    }

    /// <summary>Training loss curves (mean loss against the step) on a log scale.</summary>
    /// <exception cref="ArgumentException">The path does not end in .png or .svg, or no curve has a positive finite loss.</exception>
    public static void TrainingLoss(TrainingCurves curves, string path, int width = 1000, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ImageFile.FormatOf(path);
        ImageFile.Save(LossChart.Build(curves), path, width, height);
    }
}
