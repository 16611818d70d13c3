namespace SgdDsl;

/// <summary>
/// Marks a partial class whose single <see cref="LossAttribute"/> method the SgdDsl generator
/// differentiates at compile time. The generator adds <c>Value</c>, <c>Gradient</c>, <c>Hessian</c>,
/// <c>HessianVectorProduct</c>, the formulas and an <see cref="ILossModel"/> named <c>Model</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SgdModelAttribute : Attribute
{
}

/// <summary>Marks the per-sample loss ℓ(θ; sample) of an <see cref="SgdModelAttribute"/> class.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LossAttribute : Attribute
{
}

/// <summary>
/// Marks a loss parameter as trained: a scalar <c>double</c> is one coordinate of θ; a vector
/// (<c>double[]</c> or <c>ReadOnlySpan&lt;double&gt;</c>) or matrix (<c>double[,]</c>) of the given
/// compile-time shape is flattened into θ row-major. Parameters without it are per-sample data.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ParamAttribute : Attribute
{
    /// <summary>A scalar parameter.</summary>
    public ParamAttribute()
    {
        Shape = [];
    }

    /// <summary>A parameter vector of length <paramref name="length"/>.</summary>
    public ParamAttribute(int length)
    {
        Shape = [length];
    }

    /// <summary>A parameter matrix with <paramref name="rows"/> rows and <paramref name="columns"/> columns.</summary>
    public ParamAttribute(int rows, int columns)
    {
        Shape = [rows, columns];
    }

    /// <summary>The declared shape: empty for a scalar.</summary>
    public int[] Shape { get; }
}

/// <summary>
/// Declares the shape of a per-sample data vector (<c>double[]</c> or <c>ReadOnlySpan&lt;double&gt;</c>)
/// or matrix (<c>double[,]</c>); a sample holds it flattened row-major. Scalar data needs no attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class DataAttribute : Attribute
{
    /// <summary>A data vector of length <paramref name="length"/>.</summary>
    public DataAttribute(int length)
    {
        Shape = [length];
    }

    /// <summary>A data matrix with <paramref name="rows"/> rows and <paramref name="columns"/> columns.</summary>
    public DataAttribute(int rows, int columns)
    {
        Shape = [rows, columns];
    }

    /// <summary>The declared shape.</summary>
    public int[] Shape { get; }
}
