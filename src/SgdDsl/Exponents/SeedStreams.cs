namespace SgdDsl.Exponents;

/// <summary>
/// Derives independent, reproducible seeds for System.Random from the user's seed, a stream (what the randomness
/// is for) and an index (which chain), by the SplitMix64 finalizer, so neighbouring chains get unrelated streams.
/// </summary>
internal static class SeedStreams
{
    public const int LyapunovChains = 1;
    public const int BatchAverages = 2;
    public const int DeterminantAverages = 3;
    public const int Simulation = 4;

    public static int Derive(int seed, int stream, int index)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)index) + (ulong)stream * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z >> 33);
    }
}
