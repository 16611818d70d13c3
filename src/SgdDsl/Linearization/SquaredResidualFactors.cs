namespace SgdDsl.Linearizing;

/// <summary>
/// The per-sample factors of a squared-residual loss ℓ_i = c Σ_k (f_ik − y_ik)²: the K rows g_ik = √(2c)·∇f_ik of
/// the scaled output Jacobian. At an interpolating minimum H_i = Σ_k g_ik g_ikᵀ exactly, so N = span{g_ik} and no
/// Hessian is ever formed (memory O(N·K·d)).
/// </summary>
internal sealed class SquaredResidualFactors
{
    private SquaredResidualFactors(int dimension, double[][][] factors, double[][] curvatures, double largestResidual)
    {
        Dimension = dimension;
        Factors = factors;
        Curvatures = curvatures;
        LargestResidual = largestResidual;
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>g_ik (length d): K rows for each sample.</summary>
    public double[][][] Factors { get; }

    /// <summary>‖g_ik‖² for each sample and row (for K = 1 the single nonzero eigenvalue of H_i); all finite.</summary>
    public double[][] Curvatures { get; }

    /// <summary>max |f_ik − y_ik|: the residual whose curvature term the form neglects.</summary>
    public double LargestResidual { get; }

    /// <param name="form">The residual form.</param>
    /// <param name="data">The samples.</param>
    /// <param name="point">x*.</param>
    /// <param name="maxDegreeOfParallelism">Most threads.</param>
    /// <param name="hold">
    /// Keep the rows (<see cref="Factors"/>); false computes only the curvatures and residuals, one sample's Jacobian per
    /// thread at a time, and leaves every factor empty (for <see cref="StreamedFactorRows"/>).
    /// </param>
    public static SquaredResidualFactors Compute(SquaredResidualForm form, Dataset data, double[] point, int maxDegreeOfParallelism, bool hold = true)
    {
        var d = point.Length;
        var n = data.Count;
        var k = form.OutputCount;
        var factors = new double[n][][];
        var residuals = new double[n];
        var scale = Math.Sqrt(2.0 * form.Scale);
        var curvatures = new double[n][];
        var finite = new bool[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, () => (new double[k], new double[k * d]), (i, _, buffers) =>
        {
            var sample = data[i];
            var (outputs, jacobian) = buffers;
            form.Outputs(point, sample, outputs);
            form.OutputJacobian(point, sample, jacobian);
            var rows = new double[hold ? k : 0][];
            var h = new double[k];
            var residual = 0.0;
            var allFinite = true;
            for (var c = 0; c < k; c++)
            {
                var row = jacobian.AsSpan(c * d, d);
                var sum = 0.0;
                for (var j = 0; j < d; j++)
                {
                    var g = scale * row[j];
                    allFinite &= double.IsFinite(g);
                    sum += g * g;
                }
                h[c] = sum;
                if (hold)
                {
                    rows[c] = row.ToArray();
                    for (var j = 0; j < d; j++)
                        rows[c][j] *= scale;
                }
                // Math.Max would drop a NaN residual; the check below must see it.
                var r = Math.Abs(outputs[c] - sample[form.TargetIndices[c]]);
                residual = double.IsNaN(r) || r > residual ? r : residual;
            }
            factors[i] = rows;
            curvatures[i] = h;
            residuals[i] = residual;
            finite[i] = allFinite;
            return buffers;
        }, _ => { });
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(residuals[i]) || !finite[i])
                throw new ArithmeticException($"Sample {i}: the output or its gradient at the point is not finite (an overflow or an undefined value in f).");
            // h = ‖g‖² is a curvature of sample i; ∞ would read as "no direction survives the relative cut".
            if (curvatures[i].Any(h => !double.IsFinite(h)))
                throw new ArithmeticException(
                    $"Sample {i}: its curvature ‖√(2c)∇f_i‖² overflows double precision at the point, " +
                    "so the linearization cannot be represented. Rescale the parameters or the data.");
        }
        return new SquaredResidualFactors(d, factors, curvatures, residuals.Max());
    }
}
