namespace SgdDsl.Analysis;

/// <summary>
/// One way of computing a damped Newton step at a point: Gauss–Newton through the output Jacobian
/// (<see cref="GaussNewtonStep"/>), Newton–CG with Hessian–vector products (<see cref="NewtonCgStep"/>) or the dense
/// Hessian (<see cref="DenseNewtonStep"/>). The larger the damping, the shorter the step, down to a short
/// gradient-descent step.
/// </summary>
internal interface IDampedStep
{
    /// <summary>
    /// Evaluates what the steps at θ need (Jacobian, gradient, Hessian) and returns the curvature scale the damping is
    /// measured in; NaN or ∞ when something at θ is not finite (then the iteration stops).
    /// </summary>
    double Prepare(ReadOnlySpan<double> theta);

    /// <summary>Writes the step for <paramref name="damping"/>; false when it cannot be computed (as if rejected).</summary>
    bool Step(double damping, Span<double> step);
}

/// <summary>
/// Levenberg–Marquardt control of damped Newton steps on the mean loss L: a step is accepted only if it lowers the
/// true L; damping shrinks ×1/3 after a success and grows ×4 after a failure. Stops at
/// <see cref="MinimizeOptions.LossTolerance"/>, then polishes.
/// </summary>
internal static class DampedNewton
{
    // Damping relative to the curvature scale: the floor keeps round-off in the gradient's tangent component
    // (∝ the residuals) from being amplified into drift along the manifold; the ceiling means the step has become
    // negligible, i.e. L cannot be lowered any further.
    private const double InitialDamping = 1e-3;
    private const double MinDamping = 1e-12;
    private const double MaxDamping = 1e16;

    // Once L ≤ tolerance, a couple more Newton steps (each required to cut L at least fourfold) bring the point
    // to round-off at almost no cost, so the result does not sit just inside the tolerance.
    // A polishing step that fails at the first few dampings has met L's round-off floor: more damping only shortens it
    // (at d = 10⁵ each trial costs a loss evaluation and a Jᵀz product, and the old escalation to the ceiling took ~40).
    private const int PolishingSteps = 2;
    private const double PolishingGain = 0.25;
    private const int PolishingTrials = 3;

    public static MinimizeResult Run(MeanLoss loss, IDampedStep method, MinimizeMethod name, double[] start, MinimizeOptions options)
    {
        var d = loss.Dimension;
        var theta = (double[])start.Clone();
        var trial = new double[d];
        var step = new double[d];
        var value = loss.Value(theta);
        var damping = double.NaN;
        var iterations = 0;
        var polished = 0;
        while (iterations < options.MaxIterations && double.IsFinite(value))
        {
            var reached = value <= options.LossTolerance;
            if (reached && (value == 0.0 || polished++ == PolishingSteps))
                break;
            var scale = method.Prepare(theta);
            if (!double.IsFinite(scale))
                break;
            if (scale <= 0.0)
                scale = 1.0;
            if (double.IsNaN(damping))
                damping = InitialDamping * scale;

            var accepted = false;
            var trials = 0;
            while (damping <= MaxDamping * scale && !(reached && trials++ == PolishingTrials))
            {
                if (method.Step(damping, step))
                {
                    for (var k = 0; k < d; k++)
                        trial[k] = theta[k] + step[k];
                    var trialValue = loss.Value(trial);
                    // Polishing steps must pay for themselves; otherwise L is at its round-off floor.
                    if (trialValue < (reached ? PolishingGain * value : value))
                    {
                        accepted = true;
                        damping = Math.Max(damping / 3.0, MinDamping * scale);
                        (theta, trial) = (trial, theta);
                        value = trialValue;
                        break;
                    }
                }
                damping *= 4.0;
            }
            if (!accepted)
                break;
            iterations++;
        }

        var gradient = new double[d];
        value = loss.Gradient(theta, gradient);
        var moved = 0.0;
        for (var k = 0; k < d; k++)
            moved += (theta[k] - start[k]) * (theta[k] - start[k]);
        return new MinimizeResult
        {
            Point = theta,
            Loss = value,
            GradientNorm = MeanLoss.Norm(gradient),
            Iterations = iterations,
            DistanceMoved = Math.Sqrt(moved),
            Converged = value <= options.LossTolerance,
            Method = name,
        };
    }
}
