namespace SgdDsl.Plots;

/// <summary>μ and λ at one value of the swept quantity (η, or a position along the minimum manifold).</summary>
/// <param name="X">The swept value.</param>
/// <param name="Mu">The GD exponent μ (natural log per step).</param>
/// <param name="Lambda">The SGD exponent λ (natural log per step; may be −∞).</param>
/// <param name="LambdaStandardError">The standard error of λ (0 for exact values, NaN when unknown).</param>
/// <param name="GdVerdict">The GD verdict at this point.</param>
/// <param name="SgdVerdict">The SGD verdict at this point.</param>
public readonly record struct ExponentPoint(double X, double Mu, double Lambda, double LambdaStandardError, Verdict GdVerdict, Verdict SgdVerdict)
{
    /// <summary>How λ was obtained; it picks the point's marker. Default <see cref="LambdaMethod.Estimate"/>.</summary>
    public LambdaMethod Method { get; init; } = LambdaMethod.Estimate;

    /// <summary>The lower bound on λ ((1/r) E log|det A_ξ|; −∞ when unknown), shaded with the upper one for certified points.</summary>
    public double LambdaLower { get; init; } = double.NegativeInfinity;

    /// <summary>The upper bound on λ (½ log ρ(E[A⊗A]); +∞ when unknown).</summary>
    public double LambdaUpper { get; init; } = double.PositiveInfinity;

    /// <summary>The point of <paramref name="report"/> at <paramref name="x"/>: its μ, λ ± SE, verdicts, method and bounds.</summary>
    public static ExponentPoint Of(double x, StabilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(x, report.Mu, report.Lambda, report.LambdaStandardError, report.GdVerdict, report.SgdVerdict)
        {
            Method = report.LambdaMethod,
            LambdaLower = report.LambdaBounds.Lower,
            LambdaUpper = report.LambdaBounds.Upper,
        };
    }
}

/// <summary>An interval of X on which GD (μ &lt; 0) or SGD (λ &lt; 0) is stable, shaded on an exponent chart.</summary>
/// <param name="Start">Where the set begins.</param>
/// <param name="End">Where it ends.</param>
/// <param name="Sgd">True for an SGD-stable set, false for a GD-stable one.</param>
public readonly record struct StableSpan(double Start, double End, bool Sgd);

/// <summary>
/// μ and λ against one swept quantity, drawn as two lines with the band λ ± <see cref="ConfidenceMultiplier"/>·SE
/// around λ and the line exponent = 0 that separates stable from unstable. The λ line always joins the points'
/// <see cref="ExponentPoint.Lambda"/> (the exponent, never a bound); markers say how each was obtained.
/// </summary>
public sealed record ExponentCurve
{
    /// <summary>The points, in any order (they are drawn sorted by X).</summary>
    public required IReadOnlyList<ExponentPoint> Points { get; init; }

    /// <summary>The chart title: say what is shown (model, point or path, B).</summary>
    public required string Title { get; init; }

    /// <summary>The x-axis label with its unit, e.g. "learning rate η (step size, dimensionless)".</summary>
    public string XLabel { get; init; } = "learning rate η";

    /// <summary>Draw X on a log scale (for log-spaced learning rates). Every X must then be positive.</summary>
    public bool LogX { get; init; }

    /// <summary>Half-width of the error band in standard errors; the verdict rule's multiplier, 3 by default.</summary>
    public double ConfidenceMultiplier { get; init; } = 3.0;

    /// <summary>Stable sets to shade, each kind listed with its ends in the legend.</summary>
    public IReadOnlyList<StableSpan> StableSpans { get; init; } = [];
}
