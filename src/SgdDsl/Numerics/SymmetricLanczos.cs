using MathNet.Numerics.LinearAlgebra;

namespace SgdDsl.Numerics;

/// <summary>
/// Eigenpairs of a symmetric operator A on R^n known only through products A v, by the Lanczos iteration with full
/// reorthogonalization (each new vector is orthogonalized twice against all earlier ones, so the Ritz values do not
/// repeat, at n·m² extra work for m steps). Memory is the m Krylov vectors, never an n×n matrix.
/// A Ritz pair (θ, y) of step m has residual ‖A y − θ y‖ = β_m |s_m| (s the eigenvector of the tridiagonal T_m), which
/// is how convergence is judged. When A has rank k the Krylov space from a generic start stops growing after at most
/// k + 1 steps (β falls to round-off): then every eigenpair of A with a nonzero eigenvalue is among the Ritz pairs.
/// </summary>
internal static class SymmetricLanczos
{
    /// <summary>The Ritz pairs of the last step and whether the iteration ended by exhausting the Krylov space.</summary>
    /// <param name="Values">Ritz values, ascending.</param>
    /// <param name="Vectors">Unit Ritz vectors, row-major (Values.Length × n); empty unless asked for.</param>
    /// <param name="Residuals">β_m |s_m| for each Ritz pair, ‖A y − θ y‖ (0 after an exhausted Krylov space).</param>
    /// <param name="Exhausted">True when β fell below the breakdown tolerance: the Ritz pairs are eigenpairs of A.</param>
    internal sealed record Result(double[] Values, double[] Vectors, double[] Residuals, bool Exhausted);

    /// <param name="n">The dimension.</param>
    /// <param name="apply">Writes A v (second argument) for v (first); called once per step.</param>
    /// <param name="start">The start vector (any nonzero vector; normalized here).</param>
    /// <param name="maxSteps">The most steps (at most n).</param>
    /// <param name="breakdown">β ≤ this × the largest |Ritz value| so far ends the iteration as exhausted.</param>
    /// <param name="topTolerance">
    /// Stop early once the Ritz value of largest magnitude has residual ≤ this × its magnitude (0: never stop early).
    /// </param>
    /// <param name="vectors">Also return the Ritz vectors.</param>
    /// <param name="scaleFloor">The breakdown is judged against at least this magnitude (for deflated operators whose own Ritz values are round-off).</param>
    public static Result Run(int n, Action<double[], double[]> apply, double[] start, int maxSteps, double breakdown, double topTolerance, bool vectors, double scaleFloor = 0.0)
    {
        maxSteps = Math.Max(1, Math.Min(maxSteps, n));
        var basis = new List<double[]>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var v = (double[])start.Clone();
        var norm = EuclideanNorm.Of(v);
        if (!(norm > 0)) throw new ArgumentException("The Lanczos start vector is zero.", nameof(start));
        VectorKernels.Scale(1.0 / norm, v);
        var w = new double[n];
        var exhausted = false;
        var scale = scaleFloor;
        (double[] Values, double[,] Vectors) ritz = ([], new double[0, 0]);
        for (var j = 0; j < maxSteps; j++)
        {
            basis.Add(v);
            apply(v, w);
            var a = VectorKernels.Dot(w, v);
            alpha.Add(a);
            // Two passes of classical Gram–Schmidt against every basis vector ("twice is enough").
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var q in basis)
                    VectorKernels.AddScaled(-VectorKernels.Dot(w, q), q, w);
            }
            var b = EuclideanNorm.Of(w);
            ritz = Tridiagonal(alpha, beta);
            scale = Math.Max(scale, ritz.Values.Max(Math.Abs));
            if (!(b > breakdown * scale) || j == n - 1)
            {
                exhausted = true;
                beta.Add(0.0);
                break;
            }
            beta.Add(b);
            if (topTolerance > 0 && j >= 2)
            {
                var m = alpha.Count;
                var top = ritz.Values[0] * ritz.Values[0] >= ritz.Values[^1] * ritz.Values[^1] ? 0 : m - 1;
                if (b * Math.Abs(ritz.Vectors[m - 1, top]) <= topTolerance * Math.Abs(ritz.Values[top]))
                    break;
            }
            var next = new double[n];
            for (var k = 0; k < n; k++)
                next[k] = w[k] / b;
            v = next;
        }
        var count = alpha.Count;
        var residuals = new double[count];
        for (var t = 0; t < count; t++)
            residuals[t] = beta[^1] * Math.Abs(ritz.Vectors[count - 1, t]);
        var ritzVectors = vectors ? new double[count * n] : [];
        if (vectors)
        {
            for (var t = 0; t < count; t++)
            {
                var y = ritzVectors.AsSpan(t * n, n);
                for (var j = 0; j < count; j++)
                    VectorKernels.AddScaled(ritz.Vectors[j, t], basis[j], y);
                var length = EuclideanNorm.Of(y);
                for (var k = 0; k < n; k++)
                    y[k] /= length;
            }
        }
        return new Result(ritz.Values, ritzVectors, residuals, exhausted);
    }

    /// <summary>Eigenvalues (ascending) and eigenvectors (columns) of the tridiagonal matrix with diagonal α and off-diagonal β.</summary>
    internal static (double[] Values, double[,] Vectors) Tridiagonal(List<double> alpha, List<double> beta)
    {
        var m = alpha.Count;
        var t = Matrix<double>.Build.Dense(m, m);
        for (var j = 0; j < m; j++)
        {
            t[j, j] = alpha[j];
            if (j + 1 < m)
                t[j, j + 1] = t[j + 1, j] = beta[j];
        }
        var evd = t.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, m).OrderBy(j => evd.EigenValues[j].Real).ToArray();
        var values = order.Select(j => evd.EigenValues[j].Real).ToArray();
        var vectors = new double[m, m];
        for (var c = 0; c < m; c++)
        {
            for (var row = 0; row < m; row++)
                vectors[row, c] = evd.EigenVectors[row, order[c]];
        }
        return (values, vectors);
    }
}
