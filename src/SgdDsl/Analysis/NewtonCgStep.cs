using SgdDsl.Numerics;

namespace SgdDsl.Analysis;

/// <summary>
/// Newton–CG for losses without a residual form: the step solves (H + damping·I) p = −∇L by conjugate gradients with
/// the model's Hessian–vector products (mean over samples), so no d × d matrix exists. Started from p = 0, CG stays in
/// the Krylov space of ∇L, which lies in the range of H: flat (tangent) directions are not entered, and the move is
/// close to the minimum-norm one. Truncated (Steihaug): a direction of non-positive curvature ends the solve with the
/// current iterate, or with the damped gradient step −∇L/damping if it is the first; the driver then grows the
/// damping until H + damping·I is positive definite on the relevant directions. The inner tolerance
/// min(½, √(‖∇L‖/‖∇L₀‖))·‖∇L‖ gives superlinear convergence near the minimum.
/// </summary>
internal sealed class NewtonCgStep(MeanLoss loss) : IDampedStep
{
    private const int PowerSteps = 6;
    private const int MaxIterationsCap = 500;

    private readonly int d = loss.Dimension;
    private readonly double[] theta = new double[loss.Dimension];
    private readonly double[] gradient = new double[loss.Dimension];
    private readonly double[] residual = new double[loss.Dimension];
    private readonly double[] direction = new double[loss.Dimension];
    private readonly double[] product = new double[loss.Dimension];
    private double[]? top;
    private double gradientNorm;
    private double initialGradientNorm = double.NaN;

    public double Prepare(ReadOnlySpan<double> point)
    {
        point.CopyTo(theta);
        loss.Gradient(theta, gradient);
        gradientNorm = MeanLoss.Norm(gradient);
        if (!double.IsFinite(gradientNorm))
            return double.NaN;
        if (double.IsNaN(initialGradientNorm))
            initialGradientNorm = gradientNorm;
        return CurvatureScale();
    }

    public bool Step(double damping, Span<double> step)
    {
        step.Clear();
        for (var k = 0; k < d; k++)
            residual[k] = -gradient[k];
        Array.Copy(residual, direction, d);
        var rr = VectorKernels.Dot(residual, residual);
        var forcing = Math.Min(0.5, Math.Sqrt(gradientNorm / initialGradientNorm));
        var tolerance = forcing * gradientNorm;
        var limit = Math.Min(2 * d + 2, MaxIterationsCap);
        for (var it = 0; it < limit && Math.Sqrt(rr) > tolerance; it++)
        {
            loss.HessianVectorProduct(theta, direction, product);
            VectorKernels.AddScaled(damping, direction, product);
            var curvature = VectorKernels.Dot(direction, product);
            if (!(curvature > 0))
            {
                if (it == 0)
                {
                    for (var k = 0; k < d; k++)
                        step[k] = residual[k] / damping;
                }
                break;
            }
            var alpha = rr / curvature;
            VectorKernels.AddScaled(alpha, direction, step);
            VectorKernels.AddScaled(-alpha, product, residual);
            var next = VectorKernels.Dot(residual, residual);
            var beta = next / rr;
            rr = next;
            for (var k = 0; k < d; k++)
                direction[k] = residual[k] + beta * direction[k];
        }
        foreach (var x in step)
        {
            if (!double.IsFinite(x))
                return false;
        }
        return true;
    }

    /// <summary>|largest eigenvalue| of H by a few power steps, warm-started from the previous point's estimate.</summary>
    private double CurvatureScale()
    {
        if (top is null)
        {
            top = gradientNorm > 0 ? gradient.Select(g => g / gradientNorm).ToArray() : Enumerable.Repeat(1 / Math.Sqrt(d), d).ToArray();
        }
        var scale = 0.0;
        for (var s = 0; s < PowerSteps; s++)
        {
            loss.HessianVectorProduct(theta, top, product);
            scale = MeanLoss.Norm(product);
            if (!double.IsFinite(scale))
                return double.NaN;
            if (scale == 0.0)
                return 0.0;
            for (var k = 0; k < d; k++)
                top[k] = product[k] / scale;
        }
        return scale;
    }
}
