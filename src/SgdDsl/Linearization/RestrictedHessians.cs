using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// The per-sample Hessians restricted to N, K_i = Qᵀ H_i Q (r×r), held as low-rank factors
/// K_i = Σ_j h_ij w_ij w_ijᵀ with w_ij = Qᵀ u_ij from the eigenpairs (h_ij, u_ij) above the curvature cut.
/// This equals Qᵀ H_i Q up to the dropped sub-tolerance curvatures, and a product K_i v costs 2·r·rank(H_i)
/// instead of r² (rank one for squared residuals at an interpolating minimum).
/// </summary>
internal sealed class RestrictedHessians
{
    private readonly int[] offsets;
    private readonly double[] scales;
    private readonly double[] directions;
    private double[]? mean;

    private RestrictedHessians(int dimension, int[] offsets, double[] scales, double[] directions)
    {
        Dimension = dimension;
        this.offsets = offsets;
        this.scales = scales;
        this.directions = directions;
    }

    /// <summary>r.</summary>
    public int Dimension { get; }

    /// <summary>N.</summary>
    public int Count => offsets.Length - 1;

    public static RestrictedHessians Restrict(SampleCurvatures curvatures, NormalSpace normal, double threshold)
    {
        var d = curvatures.Dimension;
        var r = normal.Dimension;
        var offsets = new int[curvatures.Count + 1];
        var scales = new List<double>();
        var directions = new List<double>();
        var w = new double[r];
        for (var i = 0; i < curvatures.Count; i++)
        {
            var values = curvatures.Eigenvalues[i];
            for (var j = 0; j < values.Length && r > 0; j++)
            {
                if (!(Math.Abs(values[j]) > threshold))
                    continue;
                normal.Project(curvatures.Eigenvectors[i].AsSpan(j * d, d), w);
                scales.Add(values[j]);
                directions.AddRange(w);
            }
            offsets[i + 1] = scales.Count;
        }
        return new RestrictedHessians(r, offsets, scales.ToArray(), directions.ToArray());
    }

    /// <summary>
    /// K_i = Σ_k g_ik g_ikᵀ restricted to N for the factor rows g_ik (length d) of each sample: K_i = Σ_k w_ik w_ikᵀ with
    /// w_ik = Qᵀg_ik. A row with ‖g_ik‖² ≤ <paramref name="threshold"/> is no curvature (it adds nothing on N).
    /// </summary>
    public static RestrictedHessians FromFactors(double[][][] factors, double[][] curvatures, NormalSpace normal, double threshold)
    {
        var r = normal.Dimension;
        var offsets = new int[factors.Length + 1];
        // Counted first, so the m·r directions (200 MB at m = r = 5,000) are allocated once, not grown and copied.
        var kept = r == 0 ? 0 : curvatures.Sum(h => h.Count(x => x > threshold));
        var directions = new double[kept * r];
        var column = 0;
        for (var i = 0; i < factors.Length; i++)
        {
            // Rows are counted by their curvatures: a streamed linearization holds no factors (the Gram route needs none).
            for (var c = 0; c < curvatures[i].Length; c++)
            {
                // The rows above the cut are the columns that span N, in this order.
                if (r > 0 && curvatures[i][c] > threshold)
                {
                    var w = directions.AsSpan(column * r, r);
                    if (normal.FromGram) normal.ProjectColumn(column, w);
                    else normal.Project(factors[i][c], w);
                    column++;
                }
            }
            offsets[i + 1] = column;
        }
        return new RestrictedHessians(r, offsets, Enumerable.Repeat(1.0, kept).ToArray(), directions);
    }

    /// <summary>K_i = Σ w_a w_aᵀ with w_a = Qᵀc_a for spanning columns c_a of the given samples (in sample order), projected through Q.</summary>
    public static RestrictedHessians FromColumns(IReadOnlyList<double[]> columns, int[] sampleOfColumn, int sampleCount, NormalSpace normal)
    {
        var r = normal.Dimension;
        var offsets = new int[sampleCount + 1];
        var directions = new double[columns.Count * r];
        for (var a = 0; a < columns.Count; a++)
        {
            normal.Project(columns[a], directions.AsSpan(a * r, r));
            offsets[sampleOfColumn[a] + 1]++;
        }
        for (var i = 0; i < sampleCount; i++)
            offsets[i + 1] += offsets[i];
        return new RestrictedHessians(r, offsets, Enumerable.Repeat(1.0, columns.Count).ToArray(), directions);
    }

    /// <summary>rank K_i: the number of its factors (curvatures above the cut; for K outputs at most K, an upper bound when outputs are dependent).</summary>
    public int Rank(int sample) => offsets[sample + 1] - offsets[sample];

    /// <summary>The factors of K_i: indices j in [start, end) of <see cref="Scale"/> and <see cref="Direction"/>.</summary>
    public (int Start, int End) FactorRange(int sample) => (offsets[sample], offsets[sample + 1]);

    /// <summary>The scale s_j of factor j (K_i = Σ s_j w_j w_jᵀ).</summary>
    public double Scale(int factor) => scales[factor];

    /// <summary>The direction w_j of factor j (length r, not necessarily unit).</summary>
    public ReadOnlySpan<double> Direction(int factor) => directions.AsSpan(factor * Dimension, Dimension);

    /// <summary>The factor table for fused kernels: factor j of sample i for j in [Offsets[i], Offsets[i + 1]).</summary>
    public ReadOnlySpan<int> Offsets => offsets;

    /// <summary>Every s_j, in factor order.</summary>
    public ReadOnlySpan<double> Scales => scales;

    /// <summary>Every w_j, row-major: factor j is the r entries from j·r.</summary>
    public ReadOnlySpan<double> Directions => directions;

    /// <summary>acc += K_i v (all of length r).</summary>
    public void AddProduct(int sample, ReadOnlySpan<double> v, Span<double> acc)
    {
        var r = Dimension;
        for (var j = offsets[sample]; j < offsets[sample + 1]; j++)
        {
            var w = directions.AsSpan(j * r, r);
            VectorKernels.AddScaled(scales[j] * VectorKernels.Dot(w, v), w, acc);
        }
    }

    /// <summary>K_i as a dense row-major r×r array.</summary>
    public double[] Dense(int sample)
    {
        var r = Dimension;
        var k = new double[r * r];
        for (var j = offsets[sample]; j < offsets[sample + 1]; j++)
        {
            var w = directions.AsSpan(j * r, r);
            for (var a = 0; a < r; a++)
            {
                for (var b = 0; b < r; b++)
                    k[a * r + b] += scales[j] * w[a] * w[b];
            }
        }
        return k;
    }

    /// <summary>The single entry of K_i when r = 1.</summary>
    public double Scalar(int sample)
    {
        var sum = 0.0;
        for (var j = offsets[sample]; j < offsets[sample + 1]; j++)
            sum += scales[j] * directions[j] * directions[j];
        return sum;
    }

    /// <summary>K = (1/N) Σ K_i, the mean Hessian on N, dense row-major r×r (computed once, shared: do not modify).</summary>
    public double[] Mean => mean ??= ComputeMean();

    private double[] ComputeMean()
    {
        var r = Dimension;
        var sum = new double[r * r];
        for (var j = 0; j < scales.Length; j++)
        {
            var w = directions.AsSpan(j * r, r);
            for (var a = 0; a < r; a++)
            {
                for (var b = 0; b < r; b++)
                    sum[a * r + b] += scales[j] * w[a] * w[b];
            }
        }
        for (var a = 0; a < sum.Length; a++)
            sum[a] /= Count;
        return sum;
    }
}
