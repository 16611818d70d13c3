using SgdDsl.Linearizing;

namespace SgdDsl;

/// <summary>
/// The exact linearized SGD maps at a global minimum x*: orthonormal bases of the normal space N (dim r) and the
/// tangent space T = N⊥ (dim d − r), the per-sample Hessians restricted to N, K_i = QᵀH_iQ, and the batch maps
/// A_ξ = I − η K_ξ. Obtain one from <c>Stability.Linearize</c>. Coordinates on N are those of the basis
/// <see cref="NormalBasis"/>; all matrices are dense row-by-column <c>double[,]</c> copies the caller may modify.
/// </summary>
public sealed class Linearization
{
    private readonly MinimumLinearization inner;
    private TangentSpace? tangent;

    internal Linearization(MinimumLinearization inner, double learningRate)
    {
        this.inner = inner;
        LearningRate = learningRate;
    }

    internal MinimumLinearization Inner => inner;

    /// <summary>η, the step size of the maps.</summary>
    public double LearningRate { get; }

    /// <summary>d, the number of parameters.</summary>
    public int AmbientDimension => inner.Normal.AmbientDimension;

    /// <summary>r = dim N.</summary>
    public int NormalDimension => inner.Normal.Dimension;

    /// <summary>d − r = dim T.</summary>
    public int TangentDimension => AmbientDimension - NormalDimension;

    /// <summary>N, the number of samples.</summary>
    public int SampleCount => inner.Hessians.Count;

    /// <summary>
    /// True when built from the model's squared-residual form (H_i = 2c J_iᵀJ_i, no Hessian formed); false when from the
    /// per-sample Hessians (eigen-decomposed d×d each up to d = 200, above it by Lanczos on Hessian–vector products).
    /// </summary>
    public bool FromSquaredResidual => inner.FromSquaredResidual;

    /// <summary>Q, a d×r matrix whose orthonormal columns span N.</summary>
    public double[,] NormalBasis
    {
        get
        {
            var q = new double[AmbientDimension, NormalDimension];
            for (var j = 0; j < NormalDimension; j++)
            {
                var b = inner.Normal.Basis(j);
                for (var k = 0; k < AmbientDimension; k++)
                    q[k, j] = b[k];
            }
            return q;
        }
    }

    /// <summary>
    /// Largest d for which <see cref="TangentBasis"/> writes out the d×(d − r) matrix (8·d·(d − r) bytes: 134 MB here);
    /// above it use <see cref="TangentBasisVector"/> or <see cref="ProjectOntoTangentSpace"/>, which never form it.
    /// </summary>
    public const int TangentBasisLimit = 4096;

    /// <summary>
    /// A d×(d − r) matrix whose orthonormal columns span T = N⊥: the columns of <see cref="TangentBasisVector"/>.
    /// Computed on each call.
    /// </summary>
    /// <exception cref="InvalidOperationException">d exceeds <see cref="TangentBasisLimit"/>.</exception>
    public double[,] TangentBasis()
    {
        var d = AmbientDimension;
        if (d > TangentBasisLimit)
            throw new InvalidOperationException(
                $"The tangent basis at d = {d} would be a {d}×{TangentDimension} matrix ({8.0 * d * TangentDimension / 1e9:G3} GB), above TangentBasisLimit = {TangentBasisLimit}: " +
                "ask for the vectors one at a time with TangentBasisVector, or project with ProjectOntoTangentSpace.");
        var space = Tangent;
        var t = new double[d, d - NormalDimension];
        var column = new double[d];
        for (var j = 0; j < d - NormalDimension; j++)
        {
            space.BasisVector(j, column);
            for (var k = 0; k < d; k++)
                t[k, j] = column[k];
        }
        return t;
    }

    /// <summary>
    /// Writes tangent basis vector <paramref name="index"/> (of an orthonormal basis of T = N⊥ built from Householder
    /// reflectors of the normal basis: O(d·r) per vector, d·r doubles held, never a d×d matrix) into <paramref name="vector"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, d − r).</exception>
    /// <exception cref="ArgumentException"><paramref name="vector"/> does not have length d.</exception>
    public void TangentBasisVector(int index, Span<double> vector)
    {
        if (index < 0 || index >= TangentDimension)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, d − r) = [0, {TangentDimension}).");
        if (vector.Length != AmbientDimension)
            throw new ArgumentException($"vector has length {vector.Length}, not d = {AmbientDimension}.", nameof(vector));
        Tangent.BasisVector(index, vector);
    }

    /// <summary>result = (I − QQᵀ) x, the component of <paramref name="x"/> along T (both length d; O(d·r)).</summary>
    /// <exception cref="ArgumentException">A span's length is not d.</exception>
    public void ProjectOntoTangentSpace(ReadOnlySpan<double> x, Span<double> result)
    {
        var d = AmbientDimension;
        if (x.Length != d) throw new ArgumentException($"x has length {x.Length}, not d = {d}.", nameof(x));
        if (result.Length != d) throw new ArgumentException($"result has length {result.Length}, not d = {d}.", nameof(result));
        var y = new double[NormalDimension];
        inner.Normal.Project(x, y);
        inner.Normal.Embed(y, result);
        for (var k = 0; k < d; k++)
            result[k] = x[k] - result[k];
    }

    private TangentSpace Tangent => tangent ??= new TangentSpace(inner.Normal);

    /// <summary>rank H_i: the number of curvatures of sample i above the normal-space cut (≤ K for a squared-residual form with K outputs).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sample"/> is not in [0, N).</exception>
    public int SampleRank(int sample)
    {
        CheckSample(sample, nameof(sample));
        return inner.Hessians.Rank(sample);
    }

    /// <summary>K_i = QᵀH_iQ, the Hessian of sample i restricted to N (r×r, symmetric, PSD at an exact minimum).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sample"/> is not in [0, N).</exception>
    public double[,] RestrictedHessian(int sample)
    {
        CheckSample(sample, nameof(sample));
        return ToMatrix(inner.Hessians.Dense(sample), NormalDimension);
    }

    /// <summary>K = (1/N) Σ K_i, the mean Hessian on N (r×r).</summary>
    public double[,] MeanHessian => ToMatrix(inner.Hessians.Mean, NormalDimension);

    /// <summary>
    /// The map of one SGD step with batch ξ: A_ξ = I − η K_ξ, K_ξ the mean of K_i over the listed samples (a sample
    /// listed twice counts twice, as in sampling with replacement).
    /// </summary>
    /// <param name="batch">Sample indices in [0, N), at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="batch"/> is empty or has an index outside [0, N).</exception>
    public BatchMap Map(IReadOnlyList<int> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
            throw new ArgumentException("A batch needs at least one sample.", nameof(batch));
        foreach (var i in batch)
        {
            if (i < 0 || i >= SampleCount)
                throw new ArgumentException($"Sample index {i} is outside [0, {SampleCount}).", nameof(batch));
        }
        return new BatchMap(inner.Normal, inner.Hessians, batch.ToArray(), LearningRate);
    }

    private void CheckSample(int sample, string name)
    {
        if (sample < 0 || sample >= SampleCount)
            throw new ArgumentOutOfRangeException(name, sample, $"{name} must be in [0, N) = [0, {SampleCount}).");
    }

    internal static double[,] ToMatrix(double[] rowMajor, int r)
    {
        var m = new double[r, r];
        for (var a = 0; a < r; a++)
        {
            for (var b = 0; b < r; b++)
                m[a, b] = rowMajor[a * r + b];
        }
        return m;
    }
}
