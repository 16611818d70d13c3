using SgdDsl.Numerics;

namespace SgdDsl.Tests.Numerics;

/// <summary>
/// The vector kernels the generated code calls (through GeneratedCodeSupport) against plain loops, at lengths that
/// leave every possible tail past the last full vector: they may sum in another order, so agreement is to round-off.
/// </summary>
public class VectorKernelsTests
{
    public static TheoryData<int> Lengths => [0, 1, 3, 4, 5, 7, 8, 9, 16, 17, 31, 64, 785];

    private static double[] Vector(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Dot_products_of_two_and_three_rows_equal_the_plain_sums(int n)
    {
        var (x, y, z) = (Vector(n, 1), Vector(n, 2), Vector(n, 3));
        double two = 0, three = 0, scale = 0;
        for (var k = 0; k < n; k++)
        {
            two += x[k] * y[k];
            three += x[k] * y[k] * z[k];
            scale += Math.Abs(x[k] * y[k]);
        }
        Assert.Equal(two, VectorKernels.Dot(x, y), 1e-15 * (1 + scale));
        Assert.Equal(three, VectorKernels.Dot(x, y, z), 1e-15 * (1 + scale));
        Assert.Equal(two, GeneratedCodeSupport.Dot(x, y), 1e-15 * (1 + scale));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Scale_and_AddScaled_write_exactly_the_row(int n)
    {
        var (x, y) = (Vector(n, 4), Vector(n + 2, 5));
        var scaled = (double[])y.Clone();
        GeneratedCodeSupport.Scale(0.75, x, scaled);
        var added = (double[])y.Clone();
        GeneratedCodeSupport.AddScaled(-1.25, x, added);
        for (var k = 0; k < n; k++)
        {
            Assert.Equal(0.75 * x[k], scaled[k]);
            // The kernel fuses the multiply-add (one rounding), the plain loop rounds twice: one ulp apart at most.
            Assert.Equal(y[k] + -1.25 * x[k], added[k], 4e-16);
        }
        // Nothing past the row is touched.
        Assert.Equal(y[n..], scaled[n..]);
        Assert.Equal(y[n..], added[n..]);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Two_term_Combine_and_AddScaled_write_exactly_the_row(int n)
    {
        var (x, y, d) = (Vector(n, 6), Vector(n, 7), Vector(n + 2, 8));
        var combined = (double[])d.Clone();
        GeneratedCodeSupport.Combine(0.75, x, -1.5, y, combined);
        var added = (double[])d.Clone();
        GeneratedCodeSupport.AddScaled(0.75, x, -1.5, y, added);
        for (var k = 0; k < n; k++)
        {
            // Fused multiply-adds round once or twice where the plain expression rounds two or three times; every
            // term is below 2 in size, so a few ulps of 2 bound the difference.
            Assert.Equal(0.75 * x[k] + -1.5 * y[k], combined[k], 1e-15);
            Assert.Equal(d[k] + 0.75 * x[k] + -1.5 * y[k], added[k], 1e-15);
        }
        Assert.Equal(d[n..], combined[n..]);
        Assert.Equal(d[n..], added[n..]);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Fused_dot_products_equal_the_single_ones(int n)
    {
        var (a, b, x, y) = (Vector(n, 9), Vector(n, 10), Vector(n, 11), Vector(n, 12));
        GeneratedCodeSupport.DotPair(a, b, x, out var ax, out var bx);
        GeneratedCodeSupport.DotBlock(a, b, x, y, out var ax2, out var ay, out var bx2, out var by);
        // Each sum runs in the same lanes as Dot's first accumulator; Dot splits into two, so they differ by round-off.
        var bound = 1e-15 * (1 + n);
        Assert.Equal(VectorKernels.Dot(a, x), ax, bound);
        Assert.Equal(VectorKernels.Dot(b, x), bx, bound);
        Assert.Equal(VectorKernels.Dot(a, x), ax2, bound);
        Assert.Equal(VectorKernels.Dot(a, y), ay, bound);
        Assert.Equal(VectorKernels.Dot(b, x), bx2, bound);
        Assert.Equal(VectorKernels.Dot(b, y), by, bound);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AddScaledBlock_updates_both_rows_and_nothing_past_them(int n)
    {
        var (x, y, d, e) = (Vector(n, 13), Vector(n, 14), Vector(n + 2, 15), Vector(n + 2, 16));
        var (d2, e2) = ((double[])d.Clone(), (double[])e.Clone());
        GeneratedCodeSupport.AddScaledBlock(0.5, -1.5, 2.0, 0.0, x, y, d2, e2);
        for (var k = 0; k < n; k++)
        {
            // Two fused multiply-adds against the plain expression's rounding: a few ulps of values below 4.
            Assert.Equal(d[k] + 0.5 * x[k] + -1.5 * y[k], d2[k], 2e-15);
            Assert.Equal(e[k] + 2.0 * x[k], e2[k], 2e-15);
        }
        Assert.Equal(d[n..], d2[n..]);
        Assert.Equal(e[n..], e2[n..]);
    }
}
