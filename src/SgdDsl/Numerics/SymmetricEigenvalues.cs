namespace SgdDsl.Numerics;

/// <summary>
/// The eigenvalues (no eigenvectors) of a symmetric n×n matrix: Householder reduction to tridiagonal form with
/// vectorized matrix–vector products and rank-2 updates (about n³ multiply-adds, against several times that for a
/// decomposition that also accumulates eigenvectors), then the implicit QL iteration with Wilkinson shifts on the
/// tridiagonal matrix (O(n²)). Backward stable: each eigenvalue is exact for a matrix within a few n·ε·‖A‖.
/// </summary>
internal static class SymmetricEigenvalues
{
    /// <summary>The eigenvalues of the row-major symmetric <paramref name="matrix"/> (not modified), ascending.</summary>
    /// <exception cref="ArithmeticException">The QL iteration did not converge (non-finite entries).</exception>
    public static double[] Of(ReadOnlySpan<double> matrix, int n)
    {
        var a = matrix.ToArray();
        var d = new double[n];
        var e = new double[n];
        Tridiagonalize(a, n, d, e);
        QlImplicit(d, e);
        Array.Sort(d);
        return d;
    }

    /// <summary>d = diagonal, e[i] = the entry coupling i and i + 1 (e[n − 1] = 0) of QᵀAQ; destroys a.</summary>
    private static void Tridiagonalize(double[] a, int n, double[] d, double[] e)
    {
        var v = new double[n];
        var p = new double[n];
        for (var k = 0; k + 2 < n; k++)
        {
            var m = n - k - 1;
            var start = k + 1;
            // x = A[k+1.., k]; the reflector maps it to α e₁ with α = −sign(x₀)‖x‖.
            var squares = 0.0;
            for (var i = 0; i < m; i++)
            {
                var x = a[(start + i) * n + k];
                v[i] = x;
                squares += x * x;
            }
            d[k] = a[k * n + k];
            var norm = Math.Sqrt(squares);
            if (norm == 0.0)
            {
                e[k] = 0.0;
                continue;
            }
            var alpha = v[0] > 0 ? -norm : norm;
            e[k] = alpha;
            v[0] -= alpha;
            var vNorm = Math.Sqrt(2.0 * (squares - alpha * (v[0] + alpha)));
            if (vNorm == 0.0)
                continue;
            var vs = v.AsSpan(0, m);
            VectorKernels.Scale(1.0 / vNorm, vs);
            // A' ← (I − 2vvᵀ) A' (I − 2vvᵀ) = A' − 2(v qᵀ + q vᵀ), q = A'v − (vᵀA'v) v.
            var ps = p.AsSpan(0, m);
            for (var i = 0; i < m; i++)
                ps[i] = VectorKernels.Dot(a.AsSpan((start + i) * n + start, m), vs);
            VectorKernels.AddScaled(-VectorKernels.Dot(vs, ps), vs, ps);
            for (var i = 0; i < m; i++)
            {
                var row = a.AsSpan((start + i) * n + start, m);
                VectorKernels.AddScaled(-2.0 * vs[i], ps, row);
                VectorKernels.AddScaled(-2.0 * ps[i], vs, row);
            }
        }
        if (n >= 2)
        {
            d[n - 2] = a[(n - 2) * n + n - 2];
            e[n - 2] = a[(n - 1) * n + n - 2];
        }
        d[n - 1] = a[(n - 1) * n + n - 1];
        e[n - 1] = 0.0;
    }

    /// <summary>Implicit QL with Wilkinson shifts on the tridiagonal (d, e); d becomes the eigenvalues.</summary>
    private static void QlImplicit(double[] d, double[] e)
    {
        var n = d.Length;
        for (var l = 0; l < n; l++)
        {
            var iterations = 0;
            while (true)
            {
                var m = l;
                for (; m < n - 1; m++)
                {
                    var dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= 2.2e-16 * dd)
                        break;
                }
                if (m == l)
                    break;
                if (++iterations > 60)
                    throw new ArithmeticException("The symmetric eigenvalue iteration did not converge (is a matrix entry not finite?).");
                var g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                var r = Hypot(g, 1.0);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.Abs(r) : -Math.Abs(r)));
                double s = 1.0, c = 1.0, shift = 0.0;
                var deflated = false;
                for (var i = m - 1; i >= l; i--)
                {
                    var f = s * e[i];
                    var b = c * e[i];
                    r = Hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0.0)
                    {
                        d[i + 1] -= shift;
                        e[m] = 0.0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - shift;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    shift = s * r;
                    d[i + 1] = g + shift;
                    g = c * r - b;
                }
                if (deflated)
                    continue;
                d[l] -= shift;
                e[l] = g;
                e[m] = 0.0;
            }
        }
    }

    private static double Hypot(double x, double y)
    {
        var (ax, ay) = (Math.Abs(x), Math.Abs(y));
        if (ax < ay)
            (ax, ay) = (ay, ax);
        if (ax == 0.0)
            return 0.0;
        var t = ay / ax;
        return ax * Math.Sqrt(1.0 + t * t);
    }
}
