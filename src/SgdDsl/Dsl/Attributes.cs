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

/// <summary>
/// A compile-time check on a [Loss] method: the generator differentiates the loss with respect to
/// <c>Parameter</c> (a scalar parameter such as <c>"a"</c>, or an array entry such as <c>"W[0,1]"</c>) and
/// reports an error showing both formulas unless its derivative equals <c>Formula</c>. Equality is decided
/// symbolically after multiplying out, with evaluation at random points as a backstop, so an expanded or
/// reordered formula is accepted. The formula uses the loss's own names, + − * / ^, and the functions a loss
/// may call, in lower case: exp, log, sqrt, pow, sin, cosh, asinh, log10, cbrt, sigmoid, softplus, logcosh, sq, cube, ….
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ExpectDerivativeAttribute(string parameter, string formula) : Attribute
{
    /// <summary>The parameter (or array entry) to differentiate by.</summary>
    public string Parameter { get; } = parameter;

    /// <summary>The expected ∂ℓ/∂Parameter in infix notation.</summary>
    public string Formula { get; } = formula;
}

/// <summary>
/// A compile-time check on a [Loss] method: the mixed second derivative ∂²ℓ/∂First∂Second must equal
/// <c>Formula</c>, decided as for <see cref="ExpectDerivativeAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ExpectHessianAttribute(string first, string second, string formula) : Attribute
{
    /// <summary>The first parameter (or array entry).</summary>
    public string First { get; } = first;

    /// <summary>The second parameter (or array entry).</summary>
    public string Second { get; } = second;

    /// <summary>The expected ∂²ℓ/∂First∂Second in infix notation.</summary>
    public string Formula { get; } = formula;
}
