using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Linearizing;

namespace SgdDsl.Exponents;

/// <summary>
/// Whether the K_i (hence the A_ξ) leave a proper subspace of N invariant. They are symmetric, so the algebra they
/// generate is closed under transposition and is irreducible exactly when its commutant {X : K_iX = XK_i ∀i} is the
/// scalars. The commutant is the null space of C = Σ_i ad(K_i)², ad(K)X = KX − XK, an r²×r² PSD matrix:
/// C = (Σ K_i²)⊗I + I⊗(Σ K_i²) − 2 Σ K_i⊗K_i. Null eigenvalues are those below <see cref="RelativeTolerance"/> × max.
/// </summary>
internal static class CommonInvariantSubspace
{
    /// <summary>Largest r examined (the r²×r² eigen-decomposition costs r⁶).</summary>
    public const int MaxDimension = 16;

    /// <summary>Relative size below which an eigenvalue of C counts as 0.</summary>
    public const double RelativeTolerance = 1e-10;

    /// <summary>dim of the commutant (1 ⇔ no common invariant subspace), or null when r is too large to check.</summary>
    public static int? CommutantDimension(RestrictedHessians hessians)
    {
        var r = hessians.Dimension;
        if (r > MaxDimension || (double)hessians.Count * r * r * r * r > 4e8)
            return null;
        if (r <= 1)
            return r;
        var size = r * r;
        var c = Matrix<double>.Build.Dense(size, size);
        var squares = Matrix<double>.Build.Dense(r, r);
        for (var i = 0; i < hessians.Count; i++)
        {
            var k = Matrix<double>.Build.Dense(r, r, hessians.Dense(i));
            squares += k * k;
            c -= 2.0 * k.KroneckerProduct(k);
        }
        var identity = Matrix<double>.Build.DenseIdentity(r);
        c += squares.KroneckerProduct(identity) + identity.KroneckerProduct(squares);
        c = 0.5 * (c + c.Transpose());
        var values = c.Evd(Symmetricity.Symmetric).EigenValues.Select(e => Math.Abs(e.Real)).ToArray();
        var max = values.Max();
        if (max == 0.0)
            return size;
        return values.Count(v => v <= RelativeTolerance * max);
    }
}
