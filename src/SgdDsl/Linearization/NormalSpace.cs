using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SgdDsl.Linearizing;

/// <summary>
/// N = span of the ranges of the per-sample Hessians at x*, with an orthonormal basis Q (d×r). The tangent
/// space T of the minimum manifold is its orthogonal complement, of dimension d − r.
/// </summary>
internal sealed class NormalSpace
{
    private readonly GramBasis? gram;
    private double[]? basis;

    private NormalSpace(int ambientDimension, int dimension, double[] basis)
    {
        AmbientDimension = ambientDimension;
        Dimension = dimension;
        this.basis = basis;
    }

    private NormalSpace(int ambientDimension, GramBasis gram)
    {
        AmbientDimension = ambientDimension;
        Dimension = gram.Rank;
        this.gram = gram;
    }

    /// <summary>Held implicitly through the Gram matrix of its spanning columns (see <see cref="GramBasis"/>)?</summary>
    public bool FromGram => gram != null;

    /// <summary>
    /// On the Gram route, the eigenvalues of Σ_a (Qᵀc_a)(Qᵀc_a)ᵀ, ascending (all of them, or the extremes when
    /// <see cref="ColumnSpectrumIsPartial"/>: see <see cref="GramBasis.Spectrum"/>); null otherwise.
    /// </summary>
    public double[]? ColumnSpectrum => gram?.Spectrum;

    /// <summary>True when <see cref="ColumnSpectrum"/> holds only the smallest and largest eigenvalues.</summary>
    public bool ColumnSpectrumIsPartial => gram?.SpectrumIsPartial ?? false;

    /// <summary>
    /// Writes Qᵀc_a for spanning column <paramref name="a"/> (in the order given to <see cref="SpanByGram(int, SpanningColumns, double, int, int)"/>), from the
    /// Gram matrix alone; only for a normal space built by that route.
    /// </summary>
    public void ProjectColumn(int a, Span<double> coordinates) =>
        (gram ?? throw new InvalidOperationException("Only a Gram-built normal space knows its columns.")).ProjectColumn(a, coordinates);

    /// <summary>d.</summary>
    public int AmbientDimension { get; }

    /// <summary>r = dim N.</summary>
    public int Dimension { get; }

    /// <summary>Basis vector j of N (length d).</summary>
    public ReadOnlySpan<double> Basis(int j)
    {
        // The Gram route writes Q out only when someone asks for a basis vector itself.
        basis ??= gram!.Materialize(AmbientDimension);
        return basis.AsSpan(j * AmbientDimension, AmbientDimension);
    }

    /// <summary>Writes the coordinates Qᵀx of <paramref name="x"/> (length d) into <paramref name="coordinates"/> (length r).</summary>
    public void Project(ReadOnlySpan<double> x, Span<double> coordinates)
    {
        if (basis == null && gram != null)
        {
            gram.Project(x, coordinates);
            return;
        }
        for (var j = 0; j < Dimension; j++)
        {
            var b = Basis(j);
            var sum = 0.0;
            for (var k = 0; k < AmbientDimension; k++)
                sum += b[k] * x[k];
            coordinates[j] = sum;
        }
    }

    /// <summary>Writes Q y (length d) for coordinates <paramref name="coordinates"/> (length r).</summary>
    public void Embed(ReadOnlySpan<double> coordinates, Span<double> x)
    {
        if (basis == null && gram != null)
        {
            gram.Embed(coordinates, x);
            return;
        }
        x.Clear();
        for (var j = 0; j < Dimension; j++)
        {
            var b = Basis(j);
            var c = coordinates[j];
            for (var k = 0; k < AmbientDimension; k++)
                x[k] += c * b[k];
        }
    }

    /// <summary>
    /// Orthonormalizes the eigenvectors whose |eigenvalue| exceeds <paramref name="threshold"/>; see <see cref="Span(int, IReadOnlyList{double[]}, double)"/>.
    /// </summary>
    public static NormalSpace Span(SampleCurvatures curvatures, double threshold, double relTol)
    {
        var d = curvatures.Dimension;
        var columns = new List<double[]>();
        for (var i = 0; i < curvatures.Count; i++)
        {
            var values = curvatures.Eigenvalues[i];
            for (var j = 0; j < values.Length; j++)
            {
                if (Math.Abs(values[j]) > threshold)
                    columns.Add(curvatures.Eigenvectors[i].AsSpan(j * d, d).ToArray());
            }
        }
        return Span(d, columns, relTol);
    }

    /// <summary>
    /// The span of <paramref name="columns"/> by the Gram route when it is accurate (full rank, well conditioned: see
    /// <see cref="GramBasis"/>), else by <see cref="Span(int, IReadOnlyList{double[]}, double)"/>.
    /// </summary>
    public static NormalSpace SpanByGram(int d, IReadOnlyList<double[]> columns, double relTol, int maxDegreeOfParallelism,
        int eigenDecompositionLimit = GramBasis.EigenDecompositionLimit) =>
        SpanByGram(d, new HeldColumns(columns), relTol, maxDegreeOfParallelism, eigenDecompositionLimit);

    /// <summary>As above for columns held, factored or recomputed (<see cref="SpanningColumns"/>); the fallback materializes them.</summary>
    public static NormalSpace SpanByGram(int d, SpanningColumns columns, double relTol, int maxDegreeOfParallelism,
        int eigenDecompositionLimit = GramBasis.EigenDecompositionLimit) =>
        GramBasis.TryCreate(columns, maxDegreeOfParallelism, eigenDecompositionLimit) is { } g ? new NormalSpace(d, g) : Span(d, columns.Materialize(), relTol);

    /// <summary>
    /// An orthonormal basis of the span of <paramref name="columns"/> (each of length d): left singular vectors
    /// whose singular value exceeds <paramref name="relTol"/> × the largest. A thin QR first (C = Q₁R) keeps the
    /// SVD m×m, so no d×d matrix is formed when there are fewer directions than dimensions; the SVD (not
    /// Gram–Schmidt or the Gram matrix, which squares it) resolves nearly parallel directions down to angles of relTol.
    /// </summary>
    public static NormalSpace Span(int d, IReadOnlyList<double[]> columns, double relTol)
    {
        if (columns.Count == 0)
            return new NormalSpace(d, 0, []);
        var collection = Matrix<double>.Build.DenseOfColumnArrays(columns);
        Matrix<double> left;
        Matrix<double> reducedU;
        Vector<double> singular;
        if (columns.Count <= d)
        {
            var qr = collection.QR(QRMethod.Thin);
            var svd = qr.R.Svd(computeVectors: true);
            (left, reducedU, singular) = (qr.Q, svd.U, svd.S);
        }
        else
        {
            // More directions than dimensions: C = Rᵀ Q₁ᵀ with Q₁ orthonormal columns, so C and Rᵀ share
            // singular values and left singular vectors, and the SVD stays d×d.
            var svd = collection.Transpose().QR(QRMethod.Thin).R.Transpose().Svd(computeVectors: true);
            (left, reducedU, singular) = (Matrix<double>.Build.DenseIdentity(d), svd.U, svd.S);
        }
        var rank = 0;
        while (rank < singular.Count && singular[rank] > relTol * singular[0])
            rank++;
        var vectors = left * reducedU.SubMatrix(0, reducedU.RowCount, 0, rank);
        var basis = new double[rank * d];
        for (var j = 0; j < rank; j++)
        {
            // Renormalized: the product of two orthogonal factors drifts from unit length by a few ulps.
            var norm = vectors.Column(j).L2Norm();
            for (var k = 0; k < d; k++)
                basis[j * d + k] = vectors[k, j] / norm;
        }
        return new NormalSpace(d, rank, basis);
    }
}
