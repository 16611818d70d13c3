using System.Diagnostics;
using SgdDsl.Benchmarks.Models;

namespace SgdDsl.Benchmarks;

/// <summary>
/// Issue 12 §3, <c>-- --minimize</c>: <see cref="Stability.Minimize"/> on <see cref="MnistTwoLayerTanh"/> (d = 100,480),
/// N = 1,000 samples labelled by a teacher of the same shape (an interpolating point), from the teacher with every
/// weight moved by 1% of its scale N(0, 1/fan-in). Reports time, iterations, the loss and gradient norm reached, the
/// distance moved against the distance to the teacher, and peak memory (<see cref="PeakMemory"/>).
/// </summary>
public static class MinimizeMeasurement
{
    public static void Run()
    {
        const int n = 1000;
        const double offset = 1e-2;
        var model = MnistTwoLayerTanh.Model;
        var d = model.ParameterCount;
        var problem = TeacherProblem.Build(model, MnistTwoLayerTanh.D, n, seed: 2025, minimize: false);
        var random = new Random(7);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var weights = MnistTwoLayerTanh.H * MnistTwoLayerTanh.D;
        var start = problem.Teacher.Select((w, i) => w + offset * Gaussian() / Math.Sqrt(i < weights ? MnistTwoLayerTanh.D : MnistTwoLayerTanh.H)).ToArray();
        var fromTeacher = Math.Sqrt(start.Zip(problem.Teacher, (s, t) => (s - t) * (s - t)).Sum());
        var teacherNorm = Math.Sqrt(problem.Teacher.Sum(t => t * t));
        var startLoss = Enumerable.Range(0, n).Sum(i => model.Value(start, problem.Data[i])) / n;
        Console.WriteLine($"d = {d}, N = {n}: J is {8.0 * n * d / 1e6:F0} MB, the Gram matrix {8.0 * n * n / 1e6:F0} MB; a d×d double matrix would be {8.0 * d * d / 1e9:F0} GB.");
        Console.WriteLine($"Start: ‖start − teacher‖ = {fromTeacher:G4} (‖teacher‖ = {teacherNorm:G4}), L = {startLoss:G4}; {Environment.ProcessorCount} cores.");

        PeakMemory.Measure("Stability.Minimize (Gauss–Newton)", () =>
        {
            var result = Stability.Minimize(model, problem.Data, start);
            return $"{result.Method}, {result.Iterations} steps, converged = {result.Converged}, L = {result.Loss:G3}, ‖∇L‖ = {result.GradientNorm:G3}, " +
                   $"moved {result.DistanceMoved:G4} ({result.DistanceMoved / fromTeacher:P1} of the distance to the teacher)";
        });
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"Process peak working set over the whole run: {PeakMemory.Mb(process.PeakWorkingSet64)}.");
    }
}
