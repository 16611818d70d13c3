namespace SgdDsl.Numerics;

/// <summary>Standard normal draws by Box–Muller, the one sampler behind random starts, directions and initializations.</summary>
internal static class StandardNormal
{
    /// <summary>One N(0, 1) value from two uniforms, taken in order; 1 − U lies in (0, 1], so the logarithm is finite.</summary>
    public static double Draw(Random random)
    {
        var u = 1.0 - random.NextDouble();
        var w = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * w);
    }
}
