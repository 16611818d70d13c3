namespace SgdDsl;

/// <summary>The descent <see cref="Training.Run"/> performs.</summary>
public enum TrainingMethod
{
    /// <summary>Full-batch gradient descent: θ ← θ − η ∇L(θ), L = (1/N) Σ ℓ_i. No randomness.</summary>
    GD,

    /// <summary>
    /// Stochastic gradient descent: θ ← θ − (η/|ξ|) Σ_{i∈ξ} ∇ℓ_i(θ), a fresh batch ξ of
    /// <see cref="TrainingOptions.BatchSize"/> samples each step, drawn by <see cref="TrainingOptions.Sampling"/>.
    /// </summary>
    SGD,
}
