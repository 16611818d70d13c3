using SgdDsl.Numerics;

namespace SgdDsl.Linearizing;

/// <summary>
/// The m columns c_a ∈ R^d that span N (the scaled Jacobian rows above the cut), either held in memory or recomputed
/// from the model in blocks whenever they are needed (<see cref="StreamedFactorRows"/>), so the N·K×d Jacobian need
/// not be held at once. Everything the Gram route needs is a product with C or Cᵀ, or G = CᵀC.
/// </summary>
internal abstract class SpanningColumns
{
    /// <summary>m.</summary>
    public abstract int Count { get; }

    /// <summary>d.</summary>
    public abstract int Dimension { get; }

    /// <summary>t_a = c_a · x for every column a.</summary>
    public abstract void Dots(ReadOnlySpan<double> x, Span<double> t);

    /// <summary>x += Σ_a coefficients[a]·c_a.</summary>
    public abstract void AddCombination(ReadOnlySpan<double> coefficients, Span<double> x);

    /// <summary>G = CᵀC (m×m, row-major, exactly symmetric, the same for every thread count).</summary>
    public abstract double[] Gram(int maxDegreeOfParallelism);

    /// <summary>Every column as its own array (m·d doubles: only for the QR/SVD fallback).</summary>
    public abstract IReadOnlyList<double[]> Materialize();
}

/// <summary>Columns held as arrays.</summary>
internal sealed class HeldColumns(IReadOnlyList<double[]> columns) : SpanningColumns
{
    public override int Count => columns.Count;

    public override int Dimension => columns.Count == 0 ? 0 : columns[0].Length;

    public override void Dots(ReadOnlySpan<double> x, Span<double> t)
    {
        for (var a = 0; a < columns.Count; a++)
            t[a] = VectorKernels.Dot(columns[a], x);
    }

    public override void AddCombination(ReadOnlySpan<double> coefficients, Span<double> x)
    {
        for (var a = 0; a < columns.Count; a++)
            VectorKernels.AddScaled(coefficients[a], columns[a], x);
    }

    public override double[] Gram(int maxDegreeOfParallelism)
    {
        var m = columns.Count;
        var gram = new double[m * m];
        GramMatrix.Compute(new RowMatrix(columns.ToArray(), 1, Dimension), gram, maxDegreeOfParallelism);
        return gram;
    }

    public override IReadOnlyList<double[]> Materialize() => columns;
}
