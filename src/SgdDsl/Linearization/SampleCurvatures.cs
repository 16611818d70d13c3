using MathNet.Numerics.LinearAlgebra;

namespace SgdDsl.Linearizing;

/// <summary>
/// The eigenpairs (h, u) of every per-sample Hessian H_i = ∇²ℓ_i(x*) that can matter: those with
/// |h| &gt; relTol × max |eig(H_i)|. Keeping this superset per sample lets the global cut
/// (relTol × the largest |h| over all samples) be applied afterwards without a second pass.
/// </summary>
internal sealed class SampleCurvatures
{
    private SampleCurvatures(int dimension, double[][] eigenvalues, double[][] eigenvectors, double largest, double mostNegative, int mostNegativeSample)
    {
        MostNegativeSample = mostNegativeSample;
        Dimension = dimension;
        Eigenvalues = eigenvalues;
        Eigenvectors = eigenvectors;
        LargestMagnitude = largest;
        MostNegative = mostNegative;
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>N, the number of samples.</summary>
    public int Count => Eigenvalues.Length;

    /// <summary>Kept eigenvalues of H_i.</summary>
    public double[][] Eigenvalues { get; }

    /// <summary>Kept unit eigenvectors of H_i, one after another (k_i × d, row-major).</summary>
    public double[][] Eigenvectors { get; }

    /// <summary>The largest |eigenvalue| over all H_i (0 when every H_i vanishes).</summary>
    public double LargestMagnitude { get; }

    /// <summary>The smallest eigenvalue over all H_i; below −relTol·<see cref="LargestMagnitude"/> some H_i is not PSD.</summary>
    public double MostNegative { get; }

    /// <summary>The sample whose Hessian has <see cref="MostNegative"/>.</summary>
    public int MostNegativeSample { get; }

    public static SampleCurvatures Compute(ILossModel model, Dataset data, double[] point, double relTol, int maxDegreeOfParallelism)
    {
        var d = model.ParameterCount;
        var n = data.Count;
        var eigenvalues = new double[n][];
        var eigenvectors = new double[n][];
        var largest = new double[n];
        var smallest = new double[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        // Each sample writes only its own slots, so the result does not depend on scheduling.
        Parallel.For(0, n, parallel, () => new double[d * d], (i, _, hessian) =>
        {
            model.Hessian(point, data[i], hessian);
            if (!hessian.All(double.IsFinite))
            {
                // Reported after the loop, so the caller sees the first bad sample rather than an AggregateException.
                largest[i] = double.NaN;
                return hessian;
            }
            // Symmetric, so the column-major view of the row-major array is H_i itself.
            var evd = Matrix<double>.Build.Dense(d, d, (double[])hessian.Clone()).Evd(Symmetricity.Symmetric);
            var max = 0.0;
            var min = double.PositiveInfinity;
            for (var j = 0; j < d; j++)
            {
                var h = evd.EigenValues[j].Real;
                max = Math.Max(max, Math.Abs(h));
                min = Math.Min(min, h);
            }
            if (!double.IsFinite(max))
            {
                largest[i] = double.NaN;
                return hessian;
            }
            var values = new List<double>();
            var vectors = new List<double>();
            for (var j = 0; j < d; j++)
            {
                var h = evd.EigenValues[j].Real;
                if (!(Math.Abs(h) > relTol * max))
                    continue;
                values.Add(h);
                for (var k = 0; k < d; k++)
                    vectors.Add(evd.EigenVectors[k, j]);
            }
            eigenvalues[i] = values.ToArray();
            eigenvectors[i] = vectors.ToArray();
            largest[i] = max;
            smallest[i] = min;
            return hessian;
        }, _ => { });
        var bad = Array.FindIndex(largest, double.IsNaN);
        if (bad >= 0)
            throw new ArithmeticException($"Sample {bad}: its Hessian at the point, or an eigenvalue of it, is not finite (an overflow or an undefined value).");
        var worst = Array.IndexOf(smallest, smallest.Min());
        return new SampleCurvatures(d, eigenvalues, eigenvectors, largest.Max(), smallest[worst], worst);
    }
}
