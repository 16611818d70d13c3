namespace SgdDsl.Simulating;

/// <summary>The Wilson score interval for a binomial proportion: honest near 0 and 1, where the normal interval is not.</summary>
internal static class WilsonInterval
{
    /// <summary>(lower, upper) for <paramref name="successes"/> out of <paramref name="trials"/> at normal quantile <paramref name="z"/>.</summary>
    public static (double Lower, double Upper) Of(int successes, int trials, double z)
    {
        if (trials == 0) return (0.0, 1.0);
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (Math.Max(0.0, centre - half), Math.Min(1.0, centre + half));
    }
}
