using SgdDsl;

namespace StabilityAlongManifold;

/// <summary>An open interval of positions a along the hyperbola (a, 1/a); an end at the scan's edge means "at least to here".</summary>
public readonly record struct StableSet(double Start, double End);

/// <summary>
/// μ and λ of the product model at the minima (a, 1/a), computed by the stability engine, and the sets of a where each
/// is negative, their ends found by bisection on the engine's exponent.
/// </summary>
public static class ManifoldScan
{
    /// <summary>The samples x = (0.9, 2.5), y = x.</summary>
    public static readonly Dataset Data = Dataset.FromRows([[0.9, 0.9], [2.5, 2.5]]);

    /// <summary>η = 0.15, B = 1, subsets without replacement.</summary>
    public static readonly StabilityOptions Options = new() { LearningRate = 0.15, BatchSize = 1 };

    /// <summary>The scanned stretch of the hyperbola: a from 1/4 to 4 (symmetric under a ↔ 1/a).</summary>
    public const double First = 0.25, Last = 4.0;

    /// <summary>The report at the minimum (a, 1/a).</summary>
    public static StabilityReport At(double a) => Stability.Analyze(ProductModel.Model, Data, [a, 1 / a], Options);

    /// <summary><paramref name="count"/> log-spaced positions from <see cref="First"/> to <see cref="Last"/>.</summary>
    public static double[] Positions(int count) =>
        Enumerable.Range(0, count).Select(i => First * Math.Pow(Last / First, i / (count - 1.0))).ToArray();

    /// <summary>Where μ &lt; 0 (GD can converge there), from a scan of <paramref name="count"/> points refined by bisection.</summary>
    public static IReadOnlyList<StableSet> GdStable(int count = 400) => StableSets(a => At(a).Mu, count);

    /// <summary>Where λ &lt; 0 (SGD can accumulate there), from a scan of <paramref name="count"/> points refined by bisection.</summary>
    public static IReadOnlyList<StableSet> SgdStable(int count = 400) => StableSets(a => At(a).Lambda, count);

    /// <summary>The maximal intervals of [First, Last] on which <paramref name="exponent"/> is negative, ends to 1e-10 relative.</summary>
    public static IReadOnlyList<StableSet> StableSets(Func<double, double> exponent, int count)
    {
        var a = Positions(count);
        var negative = a.Select(x => exponent(x) < 0).ToArray();
        var sets = new List<StableSet>();
        double? start = negative[0] ? a[0] : null;
        for (var i = 1; i < a.Length; i++)
        {
            if (negative[i] == negative[i - 1]) continue;
            var edge = Bisect(exponent, a[i - 1], a[i]);
            if (negative[i]) start = edge;
            else
            {
                sets.Add(new StableSet(start!.Value, edge));
                start = null;
            }
        }

        if (start is { } open) sets.Add(new StableSet(open, a[^1]));
        return sets;
    }

    // The sign of the exponent changes between lo and hi: halve in log a until the bracket is 1e-10 relative.
    private static double Bisect(Func<double, double> exponent, double lo, double hi)
    {
        var loNegative = exponent(lo) < 0;
        while (hi / lo - 1 > 1e-10)
        {
            var mid = Math.Sqrt(lo * hi);
            if (exponent(mid) < 0 == loNegative) lo = mid;
            else hi = mid;
        }

        return Math.Sqrt(lo * hi);
    }
}
