namespace SgdDsl.Symbolics
{
    /// <summary>
    /// The elementary functions the engine differentiates; <see cref="FunctionCatalogue"/> holds what is known of each.
    /// √ and integer powers are <see cref="Power"/> nodes, log₁₀ and log₂ are multiples of log. New members go
    /// last: the canonical order of expressions (and so the generated code) follows this order.
    /// </summary>
    public enum MathFunction
    {
        Exp,
        Log,
        Sin,
        Cos,
        Tan,
        Tanh,
        Atan,
        /// <summary>1 / (1 + e^(−x)).</summary>
        Sigmoid,
        /// <summary>log(1 + eˣ).</summary>
        Softplus,
        /// <summary>log cosh x.</summary>
        LogCosh,
        /// <summary>|x|: not differentiable at 0 (its derivative is taken as sign x).</summary>
        Abs,
        /// <summary>sign x ∈ {−1, 0, 1}: its derivative is taken as 0 (a jump at 0).</summary>
        Sign,
        Cosh,
        Sinh,
        Asinh,
        /// <summary>arcosh x for x ≥ 1.</summary>
        Acosh,
        /// <summary>artanh x for |x| &lt; 1.</summary>
        Atanh,
        /// <summary>arcsin x for |x| ≤ 1.</summary>
        Asin,
        /// <summary>arccos x for |x| ≤ 1.</summary>
        Acos,
        /// <summary>∛x for every real x: not differentiable at 0, where its slope is infinite.</summary>
        Cbrt,
    }
}
