namespace SgdDsl.Linearizing;

/// <summary>
/// An orthonormal basis of the span of m columns c_a ∈ R^d held implicitly through their Gram matrix G = CᵀC and a
/// factor G = R Rᵀ: Q = C R^(−T) is orthonormal (QᵀQ = R⁻¹GR^(−T) = I) and QᵀC = Rᵀ, so column a's coordinates are row a
/// of R and no d-length basis vector is needed. Forming G costs d·m²/2 multiply-adds (or less, <see cref="FactoredRows"/>);
/// R is V Λ^(1/2) from the eigen-decomposition of G up to m = <see cref="EigenDecompositionLimit"/> (m³ work, and every
/// eigenvalue of G), above it the Cholesky factor L (m³/6, in parallel; the extreme eigenvalues by Lanczos).
/// Accuracy: G's eigenvalues carry absolute errors of about m·ε·λ_max, so the route is taken only when
/// λ_min ≥ <see cref="MinRelativeEigenvalue"/>·λ_max (singular values of C down to 1e-3 of the largest, orthogonality of
/// Q within about ε·λ_max/λ_min ≈ 1e-10); otherwise, rank deficiency included, <see cref="TryCreate"/> declines and the
/// caller decides the rank by the slower, backward-stable QR and SVD of C.
/// </summary>
internal abstract class GramBasis(SpanningColumns columns)
{
    /// <summary>Smallest λ_min/λ_max the Gram route trusts (see the class remarks).</summary>
    public const double MinRelativeEigenvalue = 1e-6;

    /// <summary>
    /// The most columns whose Gram matrix is eigen-decomposed (about 10 s at 2,000 with MathNet's managed, single-threaded
    /// solver; 5,000 would take minutes); above it the Cholesky factor is used.
    /// </summary>
    public const int EigenDecompositionLimit = 2_000;

    protected SpanningColumns Columns { get; } = columns;

    /// <summary>m, the number of columns, which is also the rank.</summary>
    public int Rank => Columns.Count;

    /// <summary>
    /// Eigenvalues of G, ascending: all m of them, or with <see cref="SpectrumIsPartial"/> only the converged extremes.
    /// They are also the eigenvalues of Σ_a (Qᵀc_a)(Qᵀc_a)ᵀ = RᵀR.
    /// </summary>
    public abstract double[] Spectrum { get; }

    /// <summary>True when <see cref="Spectrum"/> holds only the smallest and largest eigenvalues.</summary>
    public abstract bool SpectrumIsPartial { get; }

    /// <summary>Qᵀc_a = row a of R (length r = m): the coordinates of column <paramref name="a"/>.</summary>
    public abstract void ProjectColumn(int a, Span<double> coordinates);

    /// <summary>Qᵀx = R⁻¹(Cᵀx).</summary>
    public abstract void Project(ReadOnlySpan<double> x, Span<double> coordinates);

    /// <summary>Q y = C(R^(−T) y).</summary>
    public abstract void Embed(ReadOnlySpan<double> coordinates, Span<double> x);

    /// <summary>The basis, or null when C is rank-deficient or too ill-conditioned for the Gram route.</summary>
    /// <param name="columns">C.</param>
    /// <param name="maxDegreeOfParallelism">Most threads (the basis does not depend on it).</param>
    /// <param name="eigenDecompositionLimit">Overrides <see cref="EigenDecompositionLimit"/> (for tests of the Cholesky form at small m).</param>
    public static GramBasis? TryCreate(SpanningColumns columns, int maxDegreeOfParallelism, int eigenDecompositionLimit = EigenDecompositionLimit)
    {
        var m = columns.Count;
        if (m == 0) return null;
        var gram = columns.Gram(maxDegreeOfParallelism);
        return m <= eigenDecompositionLimit
            ? EigenGramBasis.TryCreate(columns, gram)
            : CholeskyGramBasis.TryCreate(columns, gram, maxDegreeOfParallelism);
    }

    /// <summary>The basis written out, r×d row-major (d·m² work; only for callers that ask for Q itself).</summary>
    public double[] Materialize(int d)
    {
        var m = Rank;
        var basis = new double[m * d];
        var unit = new double[m];
        for (var j = 0; j < m; j++)
        {
            Array.Clear(unit);
            unit[j] = 1.0;
            Embed(unit, basis.AsSpan(j * d, d));
        }
        return basis;
    }
}
