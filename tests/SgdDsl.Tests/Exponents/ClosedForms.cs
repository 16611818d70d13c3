namespace SgdDsl.Tests.Exponents;

/// <summary>
/// The r = 1 formulas of THEORY.md written out from first principles (recursion over batches, permutations listed
/// one by one), deliberately sharing no code with the runtime, so agreement is evidence rather than tautology.
/// </summary>
public static class ClosedForms
{
    /// <summary>μ = log|1 − η mean(k)|.</summary>
    public static double Mu(double[] k, double eta) => Math.Log(Math.Abs(1 - eta * k.Average()));

    /// <summary>E over all B-subsets of log|1 − η mean_ξ k|.</summary>
    public static double LambdaWithoutReplacement(double[] k, int b, double eta) =>
        Subsets(k.Length, b).Average(s => Math.Log(Math.Abs(1 - eta * s.Average(i => k[i]))));

    /// <summary>E over all N^B ordered tuples of log|1 − η mean_ξ k|.</summary>
    public static double LambdaWithReplacement(double[] k, int b, double eta) =>
        Tuples(k.Length, b).Average(t => Math.Log(Math.Abs(1 - eta * t.Average(i => k[i]))));

    /// <summary>Per-step exponent of reshuffling: average over all N! permutations of the epoch's log-growth, over ⌈N/B⌉ steps.</summary>
    public static double LambdaReshuffling(double[] k, int b, double eta)
    {
        var steps = (k.Length + b - 1) / b;
        return Permutations(k.Length).Average(p =>
            p.Chunk(b).Sum(batch => Math.Log(Math.Abs(1 - eta * batch.Average(i => k[i]))))) / steps;
    }

    /// <summary>½ log E(1 − η k_ξ)² over B-subsets: the mean-square exponent when r = 1.</summary>
    public static double MeanSquareWithoutReplacement(double[] k, int b, double eta) =>
        0.5 * Math.Log(Subsets(k.Length, b).Average(s => Math.Pow(1 - eta * s.Average(i => k[i]), 2)));

    /// <summary>½ log E(1 − η k_ξ)² over tuples.</summary>
    public static double MeanSquareWithReplacement(double[] k, int b, double eta) =>
        0.5 * Math.Log(Tuples(k.Length, b).Average(t => Math.Pow(1 - eta * t.Average(i => k[i]), 2)));

    public static IEnumerable<int[]> Subsets(int n, int b, int from = 0)
    {
        if (b == 0)
        {
            yield return [];
            yield break;
        }
        for (var i = from; i <= n - b; i++)
        {
            foreach (var rest in Subsets(n, b - 1, i + 1))
                yield return [i, .. rest];
        }
    }

    public static IEnumerable<int[]> Tuples(int n, int b)
    {
        if (b == 0)
        {
            yield return [];
            yield break;
        }
        foreach (var rest in Tuples(n, b - 1))
        {
            for (var i = 0; i < n; i++)
                yield return [i, .. rest];
        }
    }

    public static IEnumerable<int[]> Permutations(int n) => Permute(Enumerable.Range(0, n).ToArray());

    private static IEnumerable<int[]> Permute(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var p in Permute(rest))
                yield return [items[i], .. p];
        }
    }
}
