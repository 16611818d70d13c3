using MathNet.Numerics.LinearAlgebra;

namespace SgdDsl.Analysis;

/// <summary>
/// Damped Newton with the exact dense Hessian: the step solves (|H| + damping·I) p = −∇L, |H| having H's eigenvectors
/// and the absolute values of its eigenvalues. Near a minimum H is positive semidefinite, |H| = H and the method is
/// Newton (quadratic convergence); where H is indefinite (off the manifold, residual curvature), |H| keeps the step
/// bounded by the curvature instead of shooting along a nearly flat negative direction, as shifting H by −λ_min would.
/// O(N·d²) memory traffic and O(d³) per step: only for small d (<see cref="MinimizeOptions.DenseLimit"/>).
/// </summary>
internal sealed class DenseNewtonStep(MeanLoss loss) : IDampedStep
{
    private readonly int d = loss.Dimension;
    private readonly double[] gradient = new double[loss.Dimension];
    private readonly double[] hessian = new double[loss.Dimension * loss.Dimension];
    private readonly double[] eigenvalues = new double[loss.Dimension];
    private readonly double[] coefficients = new double[loss.Dimension];
    private Matrix<double>? vectors;

    public double Prepare(ReadOnlySpan<double> theta)
    {
        loss.Gradient(theta, gradient);
        loss.Hessian(theta, hessian);
        if (!AllFinite(hessian) || !AllFinite(gradient))
            return double.NaN;
        // H is symmetric, so the column-major view of the row-major array is H itself.
        var evd = Matrix<double>.Build.Dense(d, d, hessian).Evd(Symmetricity.Symmetric);
        vectors = evd.EigenVectors;
        var scale = 0.0;
        for (var j = 0; j < d; j++)
        {
            eigenvalues[j] = evd.EigenValues[j].Real;
            scale = Math.Max(scale, Math.Abs(eigenvalues[j]));
            var c = 0.0;
            for (var k = 0; k < d; k++)
                c += vectors[k, j] * gradient[k];
            coefficients[j] = c;
        }
        return scale;
    }

    public bool Step(double damping, Span<double> step)
    {
        step.Clear();
        for (var j = 0; j < d; j++)
        {
            var s = coefficients[j] / (Math.Abs(eigenvalues[j]) + damping);
            for (var k = 0; k < d; k++)
                step[k] -= s * vectors![k, j];
        }
        return true;
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
