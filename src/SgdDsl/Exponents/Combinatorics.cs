namespace SgdDsl.Exponents;

/// <summary>Exact batch counts, with an early exit so huge counts never overflow.</summary>
internal static class Combinatorics
{
    /// <summary>C(n, k) when it is at most <paramref name="limit"/>, otherwise −1.</summary>
    public static long BinomialAtMost(int n, int k, long limit)
    {
        if (k < 0 || k > n)
            return 0;
        k = Math.Min(k, n - k);
        Int128 c = 1;
        for (var i = 1; i <= k; i++)
        {
            // c = C(n − k + i, i) after this line: exact, and increasing in i.
            c = c * (n - k + i) / i;
            if (c > limit)
                return -1;
        }
        return c > limit ? -1 : (long)c;
    }
}
