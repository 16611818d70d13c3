using SgdDsl;

namespace MinimaSelection;

/// <summary>
/// The top eigenvalue of the Gauss–Newton matrix G = (1/N) Σ_i 2c·J_iᵀJ_i at any point (J_i the K×d output Jacobian of
/// sample i): the Hessian at a minimum, and close to it where the residuals are small. Computed on the NK×NK Gram side
/// (the same nonzero spectrum), by power iteration, never forming a d×d matrix.
/// </summary>
internal static class GaussNewtonSharpness
{
    public static double At(ILossModel model, Dataset data, double[] theta)
    {
        var form = model.SquaredResidual ?? throw new ArgumentException($"{model.Name} has no squared-residual form.", nameof(model));
        int d = model.ParameterCount, k = form.OutputCount, rows = data.Count * k;
        var jacobian = new double[rows * d];
        for (var i = 0; i < data.Count; i++)
            form.OutputJacobian(theta, data[i], jacobian.AsSpan(i * k * d, k * d));

        var scale = form.Curvature / data.Count;
        var gram = new double[rows * rows];
        Parallel.For(0, rows, a =>
        {
            var ra = jacobian.AsSpan(a * d, d);
            for (var b = 0; b <= a; b++)
            {
                var dot = 0.0;
                var rb = jacobian.AsSpan(b * d, d);
                for (var t = 0; t < d; t++) dot += ra[t] * rb[t];
                gram[a * rows + b] = gram[b * rows + a] = scale * dot;
            }
        });

        // Power iteration from a fixed all-ones start (G ≥ 0 entrywise is not needed; the start just must not be ⟂ the top vector).
        var x = Enumerable.Repeat(1.0 / Math.Sqrt(rows), rows).ToArray();
        var y = new double[rows];
        var estimate = 0.0;
        for (var iteration = 0; iteration < 10_000; iteration++)
        {
            for (var a = 0; a < rows; a++)
            {
                var sum = 0.0;
                for (var b = 0; b < rows; b++) sum += gram[a * rows + b] * x[b];
                y[a] = sum;
            }
            var norm = Math.Sqrt(y.Sum(v => v * v));
            if (norm == 0) return 0;
            var previous = estimate;
            estimate = norm;
            for (var a = 0; a < rows; a++) x[a] = y[a] / norm;
            if (Math.Abs(estimate - previous) <= 1e-13 * estimate) break;
        }
        return estimate;
    }
}
