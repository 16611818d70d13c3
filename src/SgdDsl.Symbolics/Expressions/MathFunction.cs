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
    }
}
