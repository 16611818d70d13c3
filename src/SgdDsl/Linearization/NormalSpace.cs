using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SgdDsl.Linearization;

/// <summary>
/// N = span of the ranges of the per-sample Hessians at x*, with an orthonormal basis Q (d×r). The tangent
/// space T of the minimum manifold is its orthogonal complement, of dimension d − r.
/// </summary>
internal sealed class NormalSpace
{
    private readonly double[] basis;

    private NormalSpace(int ambientDimension, int dimension, double[] basis)
    {
        AmbientDimension = ambientDimension;
        Dimension = dimension;
        this.basis = basis;
    }

    /// <summary>d.</summary>
    public int AmbientDimension { get; }

    /// <summary>r = dim N.</summary>
    public int Dimension { get; }

    /// <summary>Basis vector j of N (length d).</summary>
    public ReadOnlySpan<double> Basis(int j) => basis.AsSpan(j * AmbientDimension, AmbientDimension);

    /// <summary>Writes the coordinates Qᵀx of <paramref name="x"/> (length d) into <paramref name="coordinates"/> (length r).</summary>
    public void Project(ReadOnlySpan<double> x, Span<double> coordinates)
    {
        for (var j = 0; j < Dimension; j++)
        {
            var b = Basis(j);
            var sum = 0.0;
            for (var k = 0; k < AmbientDimension; k++)
                sum += b[k] * x[k];
            coordinates[j] = sum;
        }
    }

    /// <summary>
    /// Orthonormalizes the eigenvectors whose |eigenvalue| exceeds <paramref name="threshold"/> by an SVD, keeping
    /// left singular vectors whose singular value exceeds <paramref name="relTol"/> × the largest one. The SVD
    /// (not Gram–Schmidt or the Gram matrix, which squares it) resolves nearly parallel directions down to angles of relTol.
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
        if (columns.Count == 0)
            return new NormalSpace(d, 0, []);

        var collection = Matrix<double>.Build.DenseOfColumnArrays(columns);
        // Many more directions than dimensions: C = Rᵀ Q₁ᵀ with Q₁ orthonormal columns, so C and Rᵀ share
        // singular values and left singular vectors, and the SVD stays d×d.
        var reduced = columns.Count <= d ? collection : collection.Transpose().QR(QRMethod.Thin).R.Transpose();
        var svd = reduced.Svd(computeVectors: true);
        var singular = svd.S;
        var rank = 0;
        while (rank < singular.Count && singular[rank] > relTol * singular[0])
            rank++;
        var basis = new double[rank * d];
        for (var j = 0; j < rank; j++)
        {
            for (var k = 0; k < d; k++)
                basis[j * d + k] = svd.U[k, j];
        }
        return new NormalSpace(d, rank, basis);
    }
}
