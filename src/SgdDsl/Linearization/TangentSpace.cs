using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// T = N⊥ as an operator: the Householder reflectors H_j = I − 2 v_j v_jᵀ of a QR of the normal basis Q (d×r), so that
/// H_0 ⋯ H_{r−1} is an orthogonal d×d matrix whose first r columns span N and whose other d − r columns are an
/// orthonormal basis of T. A tangent basis vector costs O(d·r) and the whole object d·r doubles; no d×d matrix.
/// </summary>
internal sealed class TangentSpace
{
    private readonly int d;
    private readonly double[][] reflectors;

    public TangentSpace(NormalSpace normal)
    {
        d = normal.AmbientDimension;
        var r = normal.Dimension;
        var columns = Enumerable.Range(0, r).Select(j => normal.Basis(j).ToArray()).ToArray();
        reflectors = new double[r][];
        for (var j = 0; j < r; j++)
        {
            // v_j acts on coordinates j … d−1 and maps column j's tail to a multiple of e_j.
            var x = columns[j];
            var v = new double[d];
            var tailNorm = EuclideanNorm.Of(x.AsSpan(j));
            var alpha = x[j] >= 0 ? -tailNorm : tailNorm;
            for (var k = j; k < d; k++)
                v[k] = x[k];
            v[j] -= alpha;
            var vNorm = EuclideanNorm.Of(v);
            if (vNorm > 0)
            {
                for (var k = j; k < d; k++)
                    v[k] /= vNorm;
            }
            reflectors[j] = v;
            for (var c = j + 1; c < r; c++)
                Reflect(v, columns[c]);
        }
    }

    /// <summary>d − r.</summary>
    public int Dimension => d - reflectors.Length;

    /// <summary>Writes tangent basis vector <paramref name="j"/> (column r + j of H_0 ⋯ H_{r−1}) into <paramref name="vector"/>.</summary>
    public void BasisVector(int j, Span<double> vector)
    {
        var r = reflectors.Length;
        var e = new double[d];
        e[r + j] = 1.0;
        for (var t = r - 1; t >= 0; t--)
            Reflect(reflectors[t], e);
        e.CopyTo(vector);
    }

    private static void Reflect(double[] v, double[] x)
    {
        var c = 2.0 * VectorKernels.Dot(v, x);
        if (c != 0.0)
            VectorKernels.AddScaled(-c, v, x);
    }
}
