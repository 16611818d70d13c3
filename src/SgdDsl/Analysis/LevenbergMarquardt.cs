using MathNet.Numerics.LinearAlgebra;

namespace SgdDsl.Analysis;

/// <summary>
/// Damped Newton (Levenberg–Marquardt) on the mean loss with its exact Hessian: each step solves
/// (|H| + damping·I) p = −∇L, |H| having H's eigenvectors and the absolute values of its eigenvalues. Near a minimum
/// H is positive semidefinite, |H| = H and the method is Newton (quadratic convergence); where H is indefinite
/// (off the manifold, residual curvature), |H| keeps the step bounded by the curvature instead of shooting along a
/// nearly flat negative direction, as shifting H by −λ_min would. A step is accepted only if it lowers L; damping
/// shrinks ×1/3 after a success and grows ×4 after a failure (short gradient-descent steps).
/// </summary>
internal static class LevenbergMarquardt
{
    // Damping relative to the largest curvature: the floor keeps round-off in the gradient's tangent
    // component (∝ the residuals) from being amplified into drift along the manifold; the ceiling means
    // the step has become negligible, i.e. L cannot be lowered any further.
    private const double InitialDamping = 1e-3;
    private const double MinDamping = 1e-12;
    private const double MaxDamping = 1e16;

    // Once L ≤ tolerance, a couple more Newton steps (each required to cut L at least fourfold) bring the point
    // to round-off at almost no cost, so the result does not sit just inside the tolerance.
    private const int PolishingSteps = 2;
    private const double PolishingGain = 0.25;

    public static MinimizeResult Run(MeanLoss loss, double[] start, MinimizeOptions options)
    {
        var d = loss.Dimension;
        var theta = (double[])start.Clone();
        var trial = new double[d];
        var gradient = new double[d];
        var hessian = new double[d * d];
        var coefficients = new double[d];
        var value = loss.Gradient(theta, gradient);
        var damping = double.NaN;
        var iterations = 0;
        var polished = 0;
        while (iterations < options.MaxIterations && double.IsFinite(value))
        {
            var reached = value <= options.LossTolerance;
            if (reached && (value == 0.0 || polished++ == PolishingSteps))
                break;
            loss.Hessian(theta, hessian);
            if (!AllFinite(hessian) || !AllFinite(gradient))
                break;
            // H is symmetric, so the column-major view of the row-major array is H itself.
            var evd = Matrix<double>.Build.Dense(d, d, hessian).Evd(Symmetricity.Symmetric);
            var eigenvalues = new double[d];
            var scale = 0.0;
            for (var j = 0; j < d; j++)
            {
                eigenvalues[j] = evd.EigenValues[j].Real;
                scale = Math.Max(scale, Math.Abs(eigenvalues[j]));
            }
            if (scale == 0.0)
                scale = 1.0;
            if (double.IsNaN(damping))
                damping = InitialDamping * scale;
            var vectors = evd.EigenVectors;
            for (var j = 0; j < d; j++)
            {
                var c = 0.0;
                for (var k = 0; k < d; k++)
                    c += vectors[k, j] * gradient[k];
                coefficients[j] = c;
            }

            var accepted = false;
            while (damping <= MaxDamping * scale)
            {
                Array.Copy(theta, trial, d);
                for (var j = 0; j < d; j++)
                {
                    var step = coefficients[j] / (Math.Abs(eigenvalues[j]) + damping);
                    for (var k = 0; k < d; k++)
                        trial[k] -= step * vectors[k, j];
                }
                var trialValue = loss.Value(trial);
                // Polishing steps must pay for themselves; otherwise L is at its round-off floor.
                if (trialValue < (reached ? PolishingGain * value : value))
                {
                    accepted = true;
                    damping = Math.Max(damping / 3.0, MinDamping * scale);
                    break;
                }
                damping *= 4.0;
            }
            if (!accepted)
                break;
            (theta, trial) = (trial, theta);
            value = loss.Gradient(theta, gradient);
            iterations++;
        }

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
        };
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var x in values)
        {
            if (!double.IsFinite(x))
                return false;
        }
        return true;
    }
}
