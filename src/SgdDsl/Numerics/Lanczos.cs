using MathNet.Numerics.LinearAlgebra;

namespace SgdDsl.Numerics;

/// <summary>
/// The largest eigenvalue of a symmetric operator given only as v ↦ A v, by Lanczos from the all-ones direction with
/// full reorthogonalization (twice): the Ritz value once its residual β·|y_last| is within a relative tolerance,
/// or after the step cap. A Ritz value never exceeds the true largest eigenvalue.
/// </summary>
internal static class Lanczos
{
    public static double LargestEigenvalue(Action<double[], double[]> apply, int n, int maxIterations, double tolerance)
    {
        var basis = new List<double[]>();
        var alphas = new List<double>();
        var betas = new List<double>();
        var q = new double[n];
        // A fixed start with a little variation, so no eigenvector is orthogonal to it by symmetry of the data.
        for (var k = 0; k < n; k++)
            q[k] = 1.0 + 0.5 * Math.Sin(k + 1.0);
        VectorKernels.Scale(1.0 / Math.Sqrt(VectorKernels.Dot(q, q)), q);
        var theta = double.NegativeInfinity;
        for (var j = 0; j < Math.Min(maxIterations, n); j++)
        {
            basis.Add(q);
            var w = new double[n];
            apply(q, w);
            var alpha = VectorKernels.Dot(q, w);
            var size = Math.Sqrt(VectorKernels.Dot(w, w));
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var b in basis)
                    VectorKernels.AddScaled(-VectorKernels.Dot(b, w), b, w);
            }
            alphas.Add(alpha);
            var beta = Math.Sqrt(VectorKernels.Dot(w, w));
            var invariant = !(beta > 1e-12 * size);
            if (invariant || (j + 1) % 5 == 0 || j + 1 == Math.Min(maxIterations, n))
            {
                var (value, vector) = TopRitzPair(alphas, betas);
                var lastComponent = vector[^1];
                theta = value;
                if (invariant || beta * Math.Abs(lastComponent) <= tolerance * Math.Abs(value))
                    break;
            }
            betas.Add(beta);
            VectorKernels.Scale(1.0 / beta, w);
            q = w;
        }
        return theta;
    }

    /// <summary>The largest eigenvalue of the Lanczos tridiagonal matrix (diagonal α, off-diagonal β) and its eigenvector.</summary>
    internal static (double Value, double[] Vector) TopRitzPair(List<double> alphas, List<double> betas)
    {
        var m = alphas.Count;
        var t = Matrix<double>.Build.Dense(m, m);
        for (var i = 0; i < m; i++)
        {
            t[i, i] = alphas[i];
            if (i + 1 < m)
                t[i, i + 1] = t[i + 1, i] = betas[i];
        }
        var evd = t.Evd(Symmetricity.Symmetric);
        var top = 0;
        for (var i = 1; i < m; i++)
        {
            if (evd.EigenValues[i].Real > evd.EigenValues[top].Real)
                top = i;
        }
        return (evd.EigenValues[top].Real, evd.EigenVectors.Column(top).ToArray());
    }
}
