using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Numerics;

namespace SgdDsl.Exponents;

/// <summary>μ = log ρ((I − ηH)|_N) = log max |1 − η h| over the eigenvalues h of the mean Hessian K on N.</summary>
internal static class GdExponent
{
    /// <summary>Above this r the spectrum comes from <see cref="SymmetricEigenvalues"/> (no eigenvectors: about 4× cheaper).</summary>
    public const int DecompositionDimension = 128;

    /// <summary>Eigenvalues of the symmetric r×r row-major matrix <paramref name="k"/>, ascending.</summary>
    public static double[] Spectrum(double[] k, int r)
    {
        if (r == 0)
            return [];
        if (r > DecompositionDimension)
            return SymmetricEigenvalues.Of(k, r);
        var evd = Matrix<double>.Build.Dense(r, r, (double[])k.Clone()).Evd(Symmetricity.Symmetric);
        var values = new double[r];
        for (var j = 0; j < r; j++)
            values[j] = evd.EigenValues[j].Real;
        Array.Sort(values);
        return values;
    }

    /// <summary>μ; −∞ when r = 0 (the empty maximum: a zero-dimensional map shrinks everything).</summary>
    public static double Mu(double[] spectrum, double eta)
    {
        var max = 0.0;
        foreach (var h in spectrum)
            max = Math.Max(max, Math.Abs(1.0 - eta * h));
        return Math.Log(max);
    }
}
