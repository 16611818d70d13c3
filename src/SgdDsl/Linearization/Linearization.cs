using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
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
    /// True when built from the model's squared-residual form (H_i = 2c∇f_i∇f_iᵀ, no Hessian formed); false when
    /// from the generated per-sample Hessians (eigen-decomposed, d×d each).
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
    /// A d×(d − r) matrix whose orthonormal columns span T = N⊥, completed from a full QR of Q. Computed on each
    /// call and it forms a d×d matrix (8d² bytes): for large d, prefer projecting with I − QQᵀ.
    /// </summary>
    public double[,] TangentBasis()
    {
        var d = AmbientDimension;
        var r = NormalDimension;
        var t = new double[d, d - r];
        if (r == 0)
        {
            for (var k = 0; k < d; k++)
                t[k, k] = 1.0;
            return t;
        }
        var full = Matrix<double>.Build.DenseOfArray(NormalBasis).QR(QRMethod.Full).Q;
        for (var k = 0; k < d; k++)
        {
            for (var j = r; j < d; j++)
                t[k, j - r] = full[k, j];
        }
        return t;
    }

    /// <summary>rank H_i: the number of curvatures of sample i above the normal-space cut (≤ 1 for squared residuals).</summary>
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
