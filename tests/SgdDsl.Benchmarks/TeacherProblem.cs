using SgdDsl.Benchmarks.Models;

namespace SgdDsl.Benchmarks;

/// <summary>
/// A teacher–student problem built like samples/TwoLayerTanh/Program.cs: N samples labelled by a random teacher of
/// the same shape (so a zero-loss point exists), a student started near the teacher and brought to a zero-loss point
/// with <see cref="Stability.Minimize"/>.
/// </summary>
public sealed class TeacherProblem
{
    public required ILossModel Model { get; init; }
    public required Dataset Data { get; init; }
    public required double[] Teacher { get; init; }
    public required double[] Minimum { get; init; }
    public required MinimizeResult Minimized { get; init; }

    /// <summary>TwoLayerTanh (H = 64, D = 16, d = 1088) with N = 64 samples, minimized.</summary>
    public static TeacherProblem TwoLayerTanh64(int seed = 2025) => Build(TwoLayerTanh.Model, TwoLayerTanh.D, 64, seed, minimize: true);

    /// <summary>
    /// Samples labelled by a teacher of the model's own shape; the minimum is the minimized student, or the teacher
    /// itself (an exact zero-loss point) when <paramref name="minimize"/> is false.
    /// </summary>
    public static TeacherProblem Build(ILossModel model, int inputs, int n, int seed, bool minimize)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        // Weights ~ N(0, 1/fan-in) so hidden units are neither linear nor saturated (the sample's H·D is small enough for σ = ½).
        var d = model.ParameterCount;
        var hidden = d / (inputs + 1);
        var weightCount = hidden * inputs;
        var teacher = new double[d];
        for (var i = 0; i < d; i++)
            teacher[i] = Gaussian() / Math.Sqrt(i < weightCount ? inputs : hidden);
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var row = new double[model.SampleWidth];
            for (var k = 0; k < inputs; k++) row[k] = Gaussian();
            row[^1] = model.SquaredResidual!.Output(teacher, row);
            rows[i] = row;
        }

        var data = Dataset.FromRows(rows);
        if (!minimize)
            return new TeacherProblem
            {
                Model = model, Data = data, Teacher = teacher, Minimum = teacher,
                Minimized = new MinimizeResult { Point = teacher, Loss = 0, GradientNorm = 0, Iterations = 0, DistanceMoved = 0, Converged = true },
            };

        var start = teacher.Select(w => w + 0.1 * Gaussian() / Math.Sqrt(inputs)).ToArray();
        var trained = Stability.Minimize(model, data, start);
        if (!trained.Converged)
            throw new InvalidOperationException($"Minimize did not converge (L = {trained.Loss:G3} after {trained.Iterations} steps).");
        return new TeacherProblem { Model = model, Data = data, Teacher = teacher, Minimum = trained.Point, Minimized = trained };
    }

    /// <summary>The sharpness λ_max of the mean Hessian on N, from the linearization.</summary>
    public double Sharpness()
    {
        var lin = Stability.Linearize(Model, Data, Minimum, new StabilityOptions { LearningRate = 1e-3 });
        var k = lin.MeanHessian;
        var r = lin.NormalDimension;
        // Power iteration on the r×r mean Hessian (PSD): enough for choosing η.
        var v = Enumerable.Repeat(1.0 / Math.Sqrt(r), r).ToArray();
        var w = new double[r];
        double lambda = 0;
        for (var it = 0; it < 500; it++)
        {
            for (var a = 0; a < r; a++)
            {
                var s = 0.0;
                for (var b = 0; b < r; b++) s += k[a, b] * v[b];
                w[a] = s;
            }
            var norm = Math.Sqrt(w.Sum(x => x * x));
            lambda = norm;
            for (var a = 0; a < r; a++) v[a] = w[a] / norm;
        }
        return lambda;
    }
}
