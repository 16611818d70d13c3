using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Numerics;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// The eigenvalues-only solver (used for the mean spectrum above r = 128) against MathNet's full symmetric
/// decomposition and against closed forms. 1e-12 × ‖A‖: both are backward stable to a few n·ε·‖A‖.
/// </summary>
public class SymmetricEigenvaluesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(150)]
    public void Eigenvalues_agree_with_the_full_decomposition(int n)
    {
        var random = new Random(n);
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
                a[i * n + j] = a[j * n + i] = 2 * random.NextDouble() - 1;
        }
        var expected = Matrix<double>.Build.Dense(n, n, a).Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).Order().ToArray();
        var actual = SymmetricEigenvalues.Of(a, n);
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < n; i++)
            Assert.Equal(expected[i], actual[i], 1e-12 * scale);
    }

    [Fact]
    public void Tridiagonal_second_difference_has_its_closed_form_spectrum()
    {
        // tridiag(−1, 2, −1) of size n: 2 − 2cos(kπ/(n+1)), k = 1..n; plus a repeated-eigenvalue block (diagonal 3s).
        const int n = 40;
        var a = new double[(n + 3) * (n + 3)];
        var size = n + 3;
        for (var i = 0; i < n; i++)
        {
            a[i * size + i] = 2;
            if (i + 1 < n)
                a[i * size + i + 1] = a[(i + 1) * size + i] = -1;
        }
        for (var i = n; i < size; i++)
            a[i * size + i] = 3;
        var expected = Enumerable.Range(1, n).Select(k => 2 - 2 * Math.Cos(k * Math.PI / (n + 1))).Concat([3.0, 3.0, 3.0]).Order().ToArray();
        var actual = SymmetricEigenvalues.Of(a, size);
        for (var i = 0; i < size; i++)
            Assert.Equal(expected[i], actual[i], 1e-12);
    }
}
