namespace SgdDsl.Descent;

/// <summary>
/// The mean of the last <c>count</c> batch losses, a free estimate of L between SGD's exact evaluations. The running sum
/// is recomputed from the ring once per lap, so the rounding of adding and removing losses that fell by orders of
/// magnitude does not accumulate.
/// </summary>
internal sealed class RecentLosses(int count)
{
    private readonly double[] ring = new double[count];
    private double sum;
    private int position;

    /// <summary>True once <c>count</c> losses have been added.</summary>
    public bool Full { get; private set; }

    /// <summary>The mean of the last <c>count</c> losses (meaningful once <see cref="Full"/>).</summary>
    public double Mean => sum / ring.Length;

    public void Add(double loss)
    {
        sum += loss - ring[position];
        ring[position] = loss;
        if (++position < ring.Length) return;
        position = 0;
        Full = true;
        sum = 0.0;
        foreach (var x in ring)
            sum += x;
    }
}
