namespace SgdDsl.Numerics;

/// <summary>‖v‖ that neither overflows nor underflows for finite entries: the sum of squares is scaled by the largest entry.</summary>
internal static class EuclideanNorm
{
    public static double Of(ReadOnlySpan<double> v)
    {
        var scale = 0.0;
        foreach (var x in v)
            scale = Math.Max(scale, Math.Abs(x));
        if (scale == 0.0 || !double.IsFinite(scale))
            return scale;
        var sum = 0.0;
        foreach (var x in v)
            sum += (x / scale) * (x / scale);
        return scale * Math.Sqrt(sum);
    }
}
