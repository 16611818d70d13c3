using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// <see cref="GramBasis"/> with R = V Λ^(1/2) from G = V Λ Vᵀ (held as V and Λ; G itself is dropped): in this basis
/// Σ_a (Qᵀc_a)(Qᵀc_a)ᵀ = Λ is diagonal, and every eigenvalue of G is known.
/// </summary>
internal sealed class EigenGramBasis : GramBasis
{
    // V column-major (V[a, j] = vectors[j·m + a]) and 1/√λ_j.
    private readonly double[] vectors;
    private readonly double[] eigenvalues;
    private readonly double[] inverseRoots;

    private EigenGramBasis(SpanningColumns columns, double[] vectors, double[] eigenvalues) : base(columns)
    {
        this.vectors = vectors;
        this.eigenvalues = eigenvalues;
        inverseRoots = eigenvalues.Select(l => 1.0 / Math.Sqrt(l)).ToArray();
    }

    public override double[] Spectrum => [.. eigenvalues.Order()];

    public override bool SpectrumIsPartial => false;

    /// <summary>The basis from the eigen-decomposition of <paramref name="gram"/>, or null when λ_min &lt; <see cref="GramBasis.MinRelativeEigenvalue"/>·λ_max.</summary>
    public static EigenGramBasis? TryCreate(SpanningColumns columns, double[] gram)
    {
        var m = columns.Count;
        // G is symmetric, so its row-major array is its column-major one; nothing reads G after its eigenvectors.
        var evd = Matrix<double>.Build.Dense(m, m, gram).Evd(Symmetricity.Symmetric);
        var eigenvalues = new double[m];
        for (var j = 0; j < m; j++)
            eigenvalues[j] = evd.EigenValues[j].Real;
        var largest = eigenvalues.Max();
        if (!(largest > 0) || eigenvalues.Any(lambda => !(lambda >= MinRelativeEigenvalue * largest))) return null;
        return new EigenGramBasis(columns, evd.EigenVectors.AsColumnMajorArray() ?? evd.EigenVectors.ToColumnMajorArray(), eigenvalues);
    }

    public override void ProjectColumn(int a, Span<double> coordinates)
    {
        var m = Rank;
        for (var j = 0; j < m; j++)
            coordinates[j] = vectors[j * m + a] / inverseRoots[j];
    }

    public override void Project(ReadOnlySpan<double> x, Span<double> coordinates)
    {
        var m = Rank;
        var t = new double[m];
        Columns.Dots(x, t);
        for (var j = 0; j < m; j++)
            coordinates[j] = VectorKernels.Dot(vectors.AsSpan(j * m, m), t) * inverseRoots[j];
    }

    public override void Embed(ReadOnlySpan<double> coordinates, Span<double> x)
    {
        var m = Rank;
        x.Clear();
        var c = new double[m];
        for (var j = 0; j < m; j++)
            VectorKernels.AddScaled(coordinates[j] * inverseRoots[j], vectors.AsSpan(j * m, m), c);
        Columns.AddCombination(c, x);
    }
}
