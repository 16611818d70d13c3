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
/// Marks a loss parameter as a trained parameter (a coordinate of θ). Parameters without it are
/// per-sample data, one sample being one row of values in declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ParamAttribute : Attribute
{
}
