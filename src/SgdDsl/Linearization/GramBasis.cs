using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// An orthonormal basis of the span of m columns c_a ∈ R^d held implicitly as Q = C·M, from the Gram matrix
/// G = CᵀC = V Λ Vᵀ: M = V Λ^(−1/2) (held as V and Λ; G itself is dropped after its eigen-decomposition). Forming G (the blocked <see cref="GramMatrix"/>) costs d·m²/2 vectorized multiply-adds and its eigen-decomposition m³,
/// never a d×m factorization; coordinates Qᵀx = Mᵀ(Cᵀx) and the projections Qᵀc_a = Mᵀ G e_a = Λ^(1/2)Vᵀe_a need no d-length basis at
/// all. Accuracy: G's eigenvalues carry absolute errors of about m·ε·λ_max, so an eigenvalue λ_j is trusted only when
/// λ_j ≥ <see cref="MinRelativeEigenvalue"/>·λ_max (singular values down to 1e-3 of the largest, orthogonality of Q
/// within about ε·λ_max/λ_j ≈ 1e-10); any smaller eigenvalue, rank deficiency included, makes <see cref="TryCreate"/>
/// decline so the caller decides the rank by the slower, backward-stable QR and SVD of C.
/// </summary>
internal sealed class GramBasis
{
    /// <summary>Smallest λ_j/λ_max the Gram route trusts (see the class remarks).</summary>
    public const double MinRelativeEigenvalue = 1e-6;

    private readonly SpanningColumns columns;
    // V column-major (V[a, j] = vectors[j·m + a]) and 1/√λ_j: M = V Λ^(−1/2) is never formed, nor G kept.
    private readonly double[] vectors;
    private readonly double[] inverseRoots;

    private GramBasis(SpanningColumns columns, double[] vectors, double[] eigenvalues)
    {
        this.columns = columns;
        this.vectors = vectors;
        Eigenvalues = eigenvalues;
        inverseRoots = eigenvalues.Select(l => 1.0 / Math.Sqrt(l)).ToArray();
    }

    /// <summary>
    /// The eigenvalues λ_j of G, in the order of the basis vectors. In this basis Qᵀc_a = Λ^(1/2)Vᵀe_a, so
    /// Σ_a (Qᵀc_a)(Qᵀc_a)ᵀ = Λ: the sum of the columns' outer products restricted to N is diagonal with these entries.
    /// </summary>
    public double[] Eigenvalues { get; }

    /// <summary>m, the number of columns, which is also the rank.</summary>
    public int Rank => columns.Count;

    /// <summary>The basis, or null when C is rank-deficient or too ill-conditioned for the Gram route.</summary>
    public static GramBasis? TryCreate(SpanningColumns columns, int maxDegreeOfParallelism)
    {
        var m = columns.Count;
        if (m == 0) return null;
        // G is symmetric, so its row-major array is its column-major one; nothing reads G after its eigenvectors.
        var evd = Matrix<double>.Build.Dense(m, m, columns.Gram(maxDegreeOfParallelism)).Evd(Symmetricity.Symmetric);
        var eigenvalues = new double[m];
        for (var j = 0; j < m; j++)
            eigenvalues[j] = evd.EigenValues[j].Real;
        var largest = eigenvalues.Max();
        if (!(largest > 0) || eigenvalues.Any(lambda => !(lambda >= MinRelativeEigenvalue * largest))) return null;
        return new GramBasis(columns, evd.EigenVectors.AsColumnMajorArray() ?? evd.EigenVectors.ToColumnMajorArray(), eigenvalues);
    }

    /// <summary>Qᵀc_a = Mᵀ G e_a = Λ^(1/2) Vᵀ e_a (length r = m): the coordinates of column <paramref name="a"/>, O(m).</summary>
    public void ProjectColumn(int a, Span<double> coordinates)
    {
        var m = Rank;
        for (var j = 0; j < m; j++)
            coordinates[j] = vectors[j * m + a] / inverseRoots[j];
    }

    /// <summary>Qᵀx = Mᵀ(Cᵀx).</summary>
    public void Project(ReadOnlySpan<double> x, Span<double> coordinates)
    {
        var m = Rank;
        var t = new double[m];
        columns.Dots(x, t);
        for (var j = 0; j < m; j++)
            coordinates[j] = VectorKernels.Dot(vectors.AsSpan(j * m, m), t) * inverseRoots[j];
    }

    /// <summary>Q y = C(M y).</summary>
    public void Embed(ReadOnlySpan<double> coordinates, Span<double> x)
    {
        var m = Rank;
        x.Clear();
        var c = new double[m];
        for (var j = 0; j < m; j++)
            VectorKernels.AddScaled(coordinates[j] * inverseRoots[j], vectors.AsSpan(j * m, m), c);
        columns.AddCombination(c, x);
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
