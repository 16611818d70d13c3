namespace SgdDsl.Numerics;

/// <summary>
/// The largest eigenvalue of a symmetric operator given only as v ↦ A v, by Lanczos from the all-ones direction with
/// full reorthogonalization (twice): the Ritz value once its residual β·|y_last| is within a relative tolerance,
/// or after the step cap. A Ritz value never exceeds the true largest eigenvalue.
/// </summary>
internal static class Lanczos
{
    /// <summary>What a caller sees every fifth step and at the last: the top Ritz pair so far and its residual.</summary>
    /// <param name="Value">The largest Ritz value (never above the true largest eigenvalue).</param>
    /// <param name="Coefficients">Its Ritz vector in the Krylov basis.</param>
    /// <param name="Residual">β·|y_last|, ‖A x − θ x‖ for the Ritz vector x (0 once the Krylov space is invariant).</param>
    /// <param name="Basis">The orthonormal Krylov vectors.</param>
    /// <param name="Last">True at the final step (the space became invariant or the step cap was reached).</param>
    internal readonly record struct Check(double Value, double[] Coefficients, double Residual, IReadOnlyList<double[]> Basis, bool Last);

    public static double LargestEigenvalue(Action<double[], double[]> apply, int n, int maxIterations, double tolerance)
    {
        var q = GenericStart(n);
        var theta = double.NegativeInfinity;
        Run(apply, q, Math.Min(maxIterations, n), check =>
        {
            theta = check.Value;
            return check.Residual <= tolerance * Math.Abs(check.Value);
        });
        return theta;
    }

    /// <summary>
    /// A fixed unit start with a little variation, 1 + ½ sin(k + 1) normalized, so no eigenvector is orthogonal to it by
    /// a symmetry of the data, and runs repeat exactly.
    /// </summary>
    public static double[] GenericStart(int n)
    {
        var q = new double[n];
        for (var k = 0; k < n; k++)
            q[k] = 1.0 + 0.5 * Math.Sin(k + 1.0);
        VectorKernels.Scale(1.0 / Math.Sqrt(VectorKernels.Dot(q, q)), q);
        return q;
    }

    /// <summary>
    /// Lanczos from the unit vector <paramref name="start"/> with full reorthogonalization (twice), for at most
    /// <paramref name="steps"/> steps; every fifth step and at the last it asks <paramref name="stop"/> whether to end.
    /// </summary>
    public static void Run(Action<double[], double[]> apply, double[] start, int steps, Func<Check, bool> stop)
    {
        var basis = new List<double[]>();
        var alphas = new List<double>();
        var betas = new List<double>();
        var q = start;
        for (var j = 0; j < steps; j++)
        {
            basis.Add(q);
            var w = new double[q.Length];
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
            var last = invariant || j == steps - 1;
            if (last || (j + 1) % 5 == 0)
            {
                var (value, vector) = TopRitzPair(alphas, betas);
                if (stop(new Check(value, vector, invariant ? 0.0 : beta * Math.Abs(vector[^1]), basis, last)) || last)
                    return;
            }
            betas.Add(beta);
            VectorKernels.Scale(1.0 / beta, w);
            q = w;
        }
    }

    /// <summary>
    /// The largest eigenvalue of the Lanczos tridiagonal matrix (diagonal α, off-diagonal β) and its eigenvector. An
    /// unreduced tridiagonal matrix (Lanczos stops at a breakdown) has distinct eigenvalues, so the last is the one.
    /// </summary>
    internal static (double Value, double[] Vector) TopRitzPair(List<double> alphas, List<double> betas)
    {
        var (values, vectors) = SymmetricLanczos.Tridiagonal(alphas, betas);
        var top = values.Length - 1;
        return (values[top], Enumerable.Range(0, values.Length).Select(row => vectors[row, top]).ToArray());
    }
}
