namespace SgdDsl.Exponents;

/// <summary>
/// Compensated (Neumaier) summation: long sums of logarithms keep an error of a few ulps instead of growing
/// with the number of terms, so exact averages over 10⁶ batches stay exact to double precision.
/// </summary>
internal struct NeumaierSum
{
    private double sum;
    private double compensation;

    public void Add(double x)
    {
        var t = sum + x;
        compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    public readonly double Value => sum + compensation;
}
