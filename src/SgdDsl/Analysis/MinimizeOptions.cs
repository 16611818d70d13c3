namespace SgdDsl;

/// <summary>Stopping rules and method of <see cref="Stability.Minimize"/>.</summary>
public sealed record MinimizeOptions
{
    /// <summary>
    /// The largest d for which losses without a squared-residual form are minimized with the dense Hessian
    /// (<see cref="MinimizeMethod.Dense"/>) rather than Newton–CG: 200, where the d × d Hessian is 320 kB and its
    /// eigendecomposition takes milliseconds, while its exact handling of indefinite curvature is the most robust.
    /// </summary>
    public const int DenseLimit = 200;

    /// <summary>
    /// Stop once the mean loss L ≤ this (absolute, loss units). Default 1e-24: residuals of order 1e-12, four
    /// orders of magnitude inside the default <see cref="StabilityOptions.LossTolerance"/> (1e-20), so the result
    /// passes the minimum check with margin. After reaching it, up to two more steps are taken while each cuts L at
    /// least fourfold, which with Newton's quadratic convergence brings the point to round-off.
    /// </summary>
    public double LossTolerance { get; init; } = 1e-24;

    /// <summary>Most accepted steps (polishing included). Default 200: damped Newton needs a handful near a minimum; more means it is stuck.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>
    /// The method; null (default) chooses: <see cref="MinimizeMethod.GaussNewton"/> when the model has a
    /// squared-residual form, else <see cref="MinimizeMethod.Dense"/> for d ≤ <see cref="DenseLimit"/> and
    /// <see cref="MinimizeMethod.NewtonCg"/> above. Gauss–Newton needs the form.
    /// </summary>
    public MinimizeMethod? Method { get; init; }

    /// <summary>
    /// Most threads for per-sample Jacobians, losses and gradients and for the Gram matrix; −1 (default) lets the
    /// runtime decide. Results are bit-identical for every value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
