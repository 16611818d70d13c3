using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// An orthonormal basis of the span of m columns c_a ∈ R^d held implicitly as Q = C·M, from the Gram matrix
/// G = CᵀC = V Λ Vᵀ: M = V Λ^(−1/2). Forming G (the blocked <see cref="GramMatrix"/>) costs d·m²/2 vectorized multiply-adds and its eigen-decomposition m³,
/// never a d×m factorization; coordinates Qᵀx = Mᵀ(Cᵀx) and the projections Qᵀc_a = Mᵀ G e_a need no d-length basis at
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
    private readonly double[] gram;
    private readonly double[] coefficients;

    private GramBasis(SpanningColumns columns, double[] gram, double[] coefficients, double[] eigenvalues)
    {
        this.columns = columns;
        this.gram = gram;
        this.coefficients = coefficients;
        Eigenvalues = eigenvalues;
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
        var gram = columns.Gram(maxDegreeOfParallelism);
        var evd = Matrix<double>.Build.Dense(m, m, (double[])gram.Clone()).Evd(Symmetricity.Symmetric);
        var largest = Enumerable.Range(0, m).Max(j => evd.EigenValues[j].Real);
        if (!(largest > 0)) return null;
        var coefficients = new double[m * m];
        var eigenvalues = new double[m];
        for (var j = 0; j < m; j++)
        {
            var lambda = eigenvalues[j] = evd.EigenValues[j].Real;
            if (!(lambda >= MinRelativeEigenvalue * largest)) return null;
            var scale = 1.0 / Math.Sqrt(lambda);
            for (var a = 0; a < m; a++)
                coefficients[a * m + j] = evd.EigenVectors[a, j] * scale;
        }
        return new GramBasis(columns, gram, coefficients, eigenvalues);
    }

    /// <summary>Qᵀc_a = Mᵀ G e_a (length r = m): the coordinates of column <paramref name="a"/>, from G alone.</summary>
    public void ProjectColumn(int a, Span<double> coordinates)
    {
        var m = Rank;
        for (var j = 0; j < m; j++)
        {
            var sum = 0.0;
            for (var b = 0; b < m; b++)
                sum += coefficients[b * m + j] * gram[b * m + a];
            coordinates[j] = sum;
        }
    }

    /// <summary>Qᵀx = Mᵀ(Cᵀx).</summary>
    public void Project(ReadOnlySpan<double> x, Span<double> coordinates)
    {
        var m = Rank;
        var t = new double[m];
        columns.Dots(x, t);
        for (var j = 0; j < m; j++)
        {
            var sum = 0.0;
            for (var a = 0; a < m; a++)
                sum += coefficients[a * m + j] * t[a];
            coordinates[j] = sum;
        }
    }

    /// <summary>Q y = C(M y).</summary>
    public void Embed(ReadOnlySpan<double> coordinates, Span<double> x)
    {
        var m = Rank;
        x.Clear();
        var c = new double[m];
        for (var a = 0; a < m; a++)
        {
            var sum = 0.0;
            for (var j = 0; j < m; j++)
                sum += coefficients[a * m + j] * coordinates[j];
            c[a] = sum;
        }
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
