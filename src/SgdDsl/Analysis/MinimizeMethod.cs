namespace SgdDsl;

/// <summary>How <see cref="Stability.Minimize"/> computes its damped Newton steps.</summary>
public enum MinimizeMethod
{
    /// <summary>
    /// "gauss-newton": Levenberg–Marquardt on the residuals f − y through the output Jacobian J of the model's
    /// <see cref="ILossModel.SquaredResidual"/> form; a step solves an N·K × N·K system (d × d only when d is smaller)
    /// and is the minimum-norm move. The default when the form exists.
    /// </summary>
    GaussNewton,

    /// <summary>
    /// "newton-cg": damped Newton solved by conjugate gradients with Hessian–vector products; no d × d matrix. The
    /// default for other losses with d above <see cref="MinimizeOptions.DenseLimit"/>.
    /// </summary>
    NewtonCg,

    /// <summary>
    /// "dense": damped Newton on the dense d × d mean Hessian and its eigendecomposition (|H| + s I); robust with
    /// indefinite Hessians, O(d³) a step. The default for other losses with d ≤ <see cref="MinimizeOptions.DenseLimit"/>.
    /// </summary>
    Dense,
}
