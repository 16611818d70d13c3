using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Numerics;

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

    /// <summary>
    /// Largest d at which each H_i is formed (d×d) and eigen-decomposed; above it the eigenpairs come from Lanczos on
    /// v ↦ H_i v (<see cref="ILossModel.HessianVectorProduct"/>), memory O(d·rank H_i) per sample, never d×d.
    /// </summary>
    public const int DenseLimit = 200;

    /// <summary>Most Lanczos steps per run: per-sample ranks above about this many are refused (they need r ≈ d anyway).</summary>
    public const int MaxLanczosSteps = 400;

    /// <summary>The kept eigenpairs of every H_i at <paramref name="point"/>: dense up to <see cref="DenseLimit"/>, else by Lanczos.</summary>
    /// <param name="model">The per-sample loss.</param>
    /// <param name="data">The samples.</param>
    /// <param name="point">x*.</param>
    /// <param name="relTol">The per-sample relative cut.</param>
    /// <param name="maxDegreeOfParallelism">Most threads (the result does not depend on it).</param>
    /// <param name="forceLanczos">Use the Lanczos path whatever d (for tests against the dense one).</param>
    /// <exception cref="ArithmeticException">A Hessian, product or eigenvalue is not finite.</exception>
    /// <exception cref="InvalidOperationException">On the Lanczos path, a per-sample Hessian has more curvature directions than <see cref="MaxLanczosSteps"/>.</exception>
    public static SampleCurvatures Compute(ILossModel model, Dataset data, double[] point, double relTol, int maxDegreeOfParallelism, bool forceLanczos = false)
    {
        var d = model.ParameterCount;
        var n = data.Count;
        var eigenvalues = new double[n][];
        var eigenvectors = new double[n][];
        var largest = new double[n];
        var smallest = new double[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var lanczos = forceLanczos || d > DenseLimit;
        var tooMany = new bool[n];
        // Each sample writes only its own slots, so the result does not depend on scheduling.
        Parallel.For(0, n, parallel, () => lanczos ? Array.Empty<double>() : new double[d * d], (i, _, hessian) =>
        {
            var pairs = lanczos ? ByLanczos(model, data[i].ToArray(), point, relTol, i) : Dense(model, data[i], point, hessian);
            if (pairs is not { } p)
            {
                // Reported after the loop, so the caller sees the first bad sample rather than an AggregateException.
                largest[i] = double.NaN;
                return hessian;
            }
            tooMany[i] = p.Incomplete;
            largest[i] = p.Largest;
            smallest[i] = p.Smallest;
            var keep = Enumerable.Range(0, p.Values.Length).Where(j => Math.Abs(p.Values[j]) > relTol * p.Largest).ToArray();
            eigenvalues[i] = keep.Select(j => p.Values[j]).ToArray();
            eigenvectors[i] = new double[keep.Length * d];
            for (var t = 0; t < keep.Length; t++)
                p.Vectors.AsSpan(keep[t] * d, d).CopyTo(eigenvectors[i].AsSpan(t * d, d));
            return hessian;
        }, _ => { });
        var bad = Array.FindIndex(largest, double.IsNaN);
        if (bad >= 0)
            throw new ArithmeticException($"Sample {bad}: its Hessian at the point, or an eigenvalue of it, is not finite (an overflow or an undefined value).");
        var incomplete = Array.IndexOf(tooMany, true);
        if (incomplete >= 0)
            throw new InvalidOperationException(
                $"Sample {incomplete}: its Hessian has more than {MaxLanczosSteps} directions with curvature at the point (d = {d} > {DenseLimit}, so its " +
                "eigenpairs come from Lanczos on Hessian–vector products): the minimum is too curved to be linearized on a small normal space.");
        var worst = Array.IndexOf(smallest, smallest.Min());
        return new SampleCurvatures(d, eigenvalues, eigenvectors, largest.Max(), smallest[worst], worst);
    }

    /// <summary>Eigenpairs of H_i (vectors row-major), the largest |h|, the smallest h; whether some were missed.</summary>
    private sealed record Pairs(double[] Values, double[] Vectors, double Largest, double Smallest, bool Incomplete);

    private static Pairs? Dense(ILossModel model, ReadOnlySpan<double> sample, double[] point, double[] hessian)
    {
        var d = point.Length;
        model.Hessian(point, sample, hessian);
        if (!hessian.All(double.IsFinite))
            return null;
        // Symmetric, so the column-major view of the row-major array is H_i itself.
        var evd = Matrix<double>.Build.Dense(d, d, (double[])hessian.Clone()).Evd(Symmetricity.Symmetric);
        var values = new double[d];
        var vectors = new double[d * d];
        for (var j = 0; j < d; j++)
        {
            values[j] = evd.EigenValues[j].Real;
            for (var k = 0; k < d; k++)
                vectors[j * d + k] = evd.EigenVectors[k, j];
        }
        var max = values.Max(Math.Abs);
        return double.IsFinite(max) ? new Pairs(values, vectors, max, values.Min(), false) : null;
    }

    /// <summary>
    /// Eigenpairs of H_i by Lanczos with Hessian–vector products from a fixed pseudo-random start (seeded by the sample
    /// index), run until the Krylov space is invariant to 1e-2 × the cut. A single Krylov sequence sees one vector of each
    /// repeated eigenvalue, so the run is repeated on H_i deflated by the directions found (P H_i P, P = I − UUᵀ) until
    /// it finds no curvature above the cut.
    /// </summary>
    private static Pairs? ByLanczos(ILossModel model, double[] sample, double[] point, double relTol, int index)
    {
        var d = point.Length;
        var found = new List<(double Value, double[] Vector)>();
        var smallest = double.PositiveInfinity;
        var largest = 0.0;
        var random = new Random(unchecked(index * 7919 + 17));
        var product = new double[d];
        while (true)
        {
            var basis = found.Select(f => f.Vector).ToArray();
            void Deflate(double[] v)
            {
                foreach (var u in basis)
                    VectorKernels.AddScaled(-VectorKernels.Dot(u, v), u, v);
            }
            var start = Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray();
            Deflate(start);
            var projected = new double[d];
            void Apply(double[] v, double[] result)
            {
                v.CopyTo(projected, 0);
                Deflate(projected);
                model.HessianVectorProduct(point, sample, projected, product);
                product.CopyTo(result, 0);
                Deflate(result);
            }
            // After the first run the breakdown is judged against the curvature already found, not the deflated rest.
            var run = SymmetricLanczos.Run(d, Apply, start, MaxLanczosSteps, 1e-2 * relTol, 0.0, vectors: true, scaleFloor: largest);
            if (!run.Values.All(double.IsFinite))
                return null;
            if (!run.Exhausted)
                return new Pairs([], [], largest, smallest, true);
            var runLargest = run.Values.Length == 0 ? 0.0 : run.Values.Max(Math.Abs);
            largest = Math.Max(largest, runLargest);
            smallest = Math.Min(smallest, run.Values.DefaultIfEmpty(0.0).Min());
            var added = 0;
            for (var t = 0; t < run.Values.Length; t++)
            {
                if (Math.Abs(run.Values[t]) > relTol * largest)
                {
                    found.Add((run.Values[t], run.Vectors.AsSpan(t * d, d).ToArray()));
                    added++;
                }
            }
            if (added == 0 || found.Count >= d)
                break;
        }
        var values = found.Select(f => f.Value).ToArray();
        var vectors = new double[found.Count * d];
        for (var t = 0; t < found.Count; t++)
            found[t].Vector.CopyTo(vectors, t * d);
        // Below its curvature directions H_i is 0 on the rest of R^d (when d exceeds them): its smallest eigenvalue is ≤ 0.
        if (found.Count < d)
            smallest = Math.Min(smallest, 0.0);
        return new Pairs(values, vectors, largest, smallest, false);
    }
}
