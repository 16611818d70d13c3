namespace SgdDsl;

/// <summary>The outcome of <see cref="Stability.Minimize"/>.</summary>
public sealed class MinimizeResult
{
    /// <summary>The point found (length d).</summary>
    public required double[] Point { get; init; }

    /// <summary>L at <see cref="Point"/>.</summary>
    public required double Loss { get; init; }

    /// <summary>‖∇L‖ at <see cref="Point"/>.</summary>
    public required double GradientNorm { get; init; }

    /// <summary>Accepted damped Newton steps taken (polishing included).</summary>
    public required int Iterations { get; init; }

    /// <summary>
    /// ‖Point − start‖, the Euclidean distance moved. Gauss–Newton steps are minimum-norm, so from a start near the
    /// manifold this is its distance to the manifold to first order: a trained point is polished, not replaced.
    /// </summary>
    public required double DistanceMoved { get; init; }

    /// <summary>
    /// True when L ≤ <see cref="MinimizeOptions.LossTolerance"/>. False when the iteration limit was reached or no
    /// damping could lower L further (round-off floor, or a local minimum with L &gt; 0).
    /// </summary>
    public required bool Converged { get; init; }

    /// <summary>The method that computed the steps (<see cref="MinimizeOptions.Method"/>, or the automatic choice).</summary>
    public MinimizeMethod Method { get; init; }
}
