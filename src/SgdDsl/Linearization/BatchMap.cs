using SgdDsl.Linearizing;

namespace SgdDsl;

/// <summary>
/// A_ξ = I − η K_ξ, the linearized SGD step of one batch: on N in the coordinates of
/// <see cref="Linearization.NormalBasis"/>, and on R^d as I − η Q K_ξ Qᵀ (the identity on T).
/// Applying it costs O(r·rank) on N and O(d·r) on R^d; no d×d matrix is formed.
/// </summary>
public sealed class BatchMap
{
    private readonly NormalSpace normal;
    private readonly RestrictedHessians hessians;
    private readonly int[] batch;
    private readonly double eta;
    private readonly BatchStep step;

    internal BatchMap(NormalSpace normal, RestrictedHessians hessians, int[] batch, double eta)
    {
        this.normal = normal;
        this.hessians = hessians;
        this.batch = batch;
        this.eta = eta;
        step = new BatchStep(hessians);
        step.Gather(batch);
    }

    /// <summary>The sample indices of ξ, in the order given.</summary>
    public IReadOnlyList<int> Batch => batch;

    /// <summary>A_ξ on N as an r×r symmetric matrix.</summary>
    public double[,] OnNormalSpace
    {
        get
        {
            var r = hessians.Dimension;
            var m = new double[r, r];
            var e = new double[r];
            var column = new double[r];
            for (var j = 0; j < r; j++)
            {
                Array.Clear(e);
                e[j] = 1.0;
                ApplyOnNormalSpace(e, column);
                for (var a = 0; a < r; a++)
                    m[a, j] = column[a];
            }
            return m;
        }
    }

    /// <summary>result = A_ξ y for coordinates y on N (both length r; they may not overlap).</summary>
    /// <exception cref="ArgumentException">A span's length is not r.</exception>
    public void ApplyOnNormalSpace(ReadOnlySpan<double> y, Span<double> result)
    {
        var r = hessians.Dimension;
        if (y.Length != r) throw new ArgumentException($"y has length {y.Length}, not r = {r}.", nameof(y));
        if (result.Length != r) throw new ArgumentException($"result has length {result.Length}, not r = {r}.", nameof(result));
        y.CopyTo(result);
        step.Apply(eta / batch.Length, result);
    }

    /// <summary>result = A_ξ x = x − η Q K_ξ Qᵀ x for x in R^d (both length d; they may not overlap).</summary>
    /// <exception cref="ArgumentException">A span's length is not d.</exception>
    public void Apply(ReadOnlySpan<double> x, Span<double> result)
    {
        var d = normal.AmbientDimension;
        if (x.Length != d) throw new ArgumentException($"x has length {x.Length}, not d = {d}.", nameof(x));
        if (result.Length != d) throw new ArgumentException($"result has length {result.Length}, not d = {d}.", nameof(result));
        var r = normal.Dimension;
        var y = new double[r];
        var ay = new double[r];
        normal.Project(x, y);
        ApplyOnNormalSpace(y, ay);
        for (var k = 0; k < r; k++)
            ay[k] -= y[k];
        normal.Embed(ay, result);
        for (var k = 0; k < d; k++)
            result[k] += x[k];
    }
}
