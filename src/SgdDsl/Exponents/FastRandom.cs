namespace SgdDsl.Exponents;

/// <summary>
/// xoshiro256** (Blackman and Vigna) seeded through SplitMix64, behind <see cref="Random"/> so the batch samplers take
/// it unchanged: a seeded System.Random runs the legacy subtractive generator, whose bounded draws cost several times
/// more, and the estimate draws B indices every step. Bounded integers by Lemire's multiply-and-reject (unbiased).
/// </summary>
internal sealed class FastRandom : Random
{
    private ulong s0, s1, s2, s3;

    public FastRandom(int seed)
        : base(seed)
    {
        var z = (ulong)(uint)seed;
        s0 = SplitMix(ref z);
        s1 = SplitMix(ref z);
        s2 = SplitMix(ref z);
        s3 = SplitMix(ref z);
    }

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)Bounded((uint)maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + Bounded((uint)((long)maxValue - minValue)));
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    private uint Bounded(uint range)
    {
        var product = (NextUInt64() >> 32) * range;
        var low = (uint)product;
        if (low < range)
        {
            var threshold = (0u - range) % range;
            while (low < threshold)
            {
                product = (NextUInt64() >> 32) * range;
                low = (uint)product;
            }
        }
        return (uint)(product >> 32);
    }

    private ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong z)
    {
        var x = z += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
