namespace SgdDsl.Symbolics
{
    /// <summary>The elementary functions the engine differentiates. √ and integer powers are <see cref="Power"/> nodes.</summary>
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
    }
}
