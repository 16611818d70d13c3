namespace SgdDsl.Linearizing;

/// <summary>
/// The per-sample factors g_i = √(2c)·∇f_i of a squared-residual loss ℓ_i = c(f_i − y_i)²: at an interpolating
/// minimum H_i = g_i g_iᵀ exactly, so N = span{g_i} and no Hessian is ever formed (memory O(N·d)).
/// </summary>
internal sealed class SquaredResidualFactors
{
    private SquaredResidualFactors(int dimension, double[][] factors, double[] curvatures, double largestResidual)
    {
        Dimension = dimension;
        Factors = factors;
        Curvatures = curvatures;
        LargestResidual = largestResidual;
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>g_i (length d) for each sample.</summary>
    public double[][] Factors { get; }

    /// <summary>h_i = ‖g_i‖², the single nonzero eigenvalue of H_i; finite for every sample.</summary>
    public double[] Curvatures { get; }

    /// <summary>max_i |f_i − y_i|: the residual whose curvature term the form neglects.</summary>
    public double LargestResidual { get; }

    public static SquaredResidualFactors Compute(SquaredResidualForm form, Dataset data, double[] point, int maxDegreeOfParallelism)
    {
        var d = point.Length;
        var n = data.Count;
        var factors = new double[n][];
        var residuals = new double[n];
        var scale = Math.Sqrt(2.0 * form.Scale);
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            var g = new double[d];
            var sample = data[i];
            var f = form.OutputGradient(point, sample, g);
            for (var k = 0; k < d; k++)
                g[k] *= scale;
            factors[i] = g;
            residuals[i] = Math.Abs(f - sample[form.TargetIndex]);
        });
        var curvatures = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!factors[i].All(double.IsFinite) || !double.IsFinite(residuals[i]))
                throw new ArithmeticException($"Sample {i}: the output or its gradient at the point is not finite (an overflow or an undefined value in f).");
            curvatures[i] = factors[i].Sum(x => x * x);
            // h_i = ‖g_i‖² is the one curvature of sample i; ∞ would read as "no direction survives the relative cut".
            if (!double.IsFinite(curvatures[i]))
                throw new ArithmeticException(
                    $"Sample {i}: its curvature ‖√(2c)∇f_i‖² overflows double precision at the point (largest gradient entry {factors[i].Max(Math.Abs):G3}), " +
                    "so the linearization cannot be represented. Rescale the parameters or the data.");
        }
        return new SquaredResidualFactors(d, factors, curvatures, residuals.Max());
    }
}
