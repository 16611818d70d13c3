using System.Diagnostics;
using SgdDsl.Benchmarks.Models;
using SgdDsl.Exponents;
using SgdDsl.Linearizing;
using SgdDsl.Rendering;

namespace SgdDsl.Benchmarks;

/// <summary>
/// Issue 12, end to end (<c>-- --end-to-end k1</c> or <c>k10</c>, one problem per process so each peak working set is
/// its own): data and a zero-loss point (a teacher that labels the data) → the report, with the time of each stage of
/// <see cref="Stability.Analyze"/> (the minimum check, the linearization, the mean spectrum and μ, λ with its bounds, the
/// bounds alone, Wu–Ma–E, the regularity caveats, the report object and its text and JSON) and the peak memory.
/// k1: <see cref="MnistTwoLayerTanh"/> (d = 100,480) with N = 1,000; k10: <see cref="MultiOutputMlp"/> (d = 101,632,
/// K = 10) with N = 500. η is 1/a (a the sharpness, from a power iteration that is not timed), B = 4.
/// </summary>
public static class EndToEndMeasurement
{
    public static void Run(string which, int? samples = null)
    {
        var (model, inputs, n) = which switch
        {
            "k1" => (MnistTwoLayerTanh.Model, MnistTwoLayerTanh.D, 1000),
            "k10" => (MultiOutputMlp.Model, MultiOutputMlp.D, 500),
            _ => throw new ArgumentException($"--end-to-end takes k1 or k10, not {which}.", nameof(which)),
        };
        n = samples ?? n;
        var d = model.ParameterCount;
        var form = model.SquaredResidual!;
        var k = form.OutputCount;
        var (data, teacher) = Teacher(model, inputs, n, seed: 2025);
        var threads = Environment.ProcessorCount;
        Console.WriteLine($"{model.Name}: d = {d}, K = {k}, N = {n}; J is {8.0 * n * k * d / 1e9:F2} GB, the Gram matrix {8.0 * n * k * n * k / 1e6:F0} MB; " +
                          $"{threads} cores, load average {LoadAverage()}.");
        var sharpness = Sharpness(form, data, teacher);
        var options = new StabilityOptions { LearningRate = 1.0 / sharpness, BatchSize = 4, Seed = 1, MaxDegreeOfParallelism = threads };
        Console.WriteLine($"η = 1/a = {options.LearningRate:G4} (a ≈ {sharpness:G4} by 15 power iterations, not timed), B = 4.");

        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var laps = new List<(string Stage, double Seconds, double Cpu)>();
        var self = Process.GetCurrentProcess();
        var lastCpu = self.TotalProcessorTime.TotalSeconds;
        var watch = Stopwatch.StartNew();
        var last = 0.0;
        void Lap(string stage)
        {
            var now = watch.Elapsed.TotalSeconds;
            self.Refresh();
            var cpu = self.TotalProcessorTime.TotalSeconds;
            laps.Add((stage, now - last, cpu - lastCpu));
            Console.WriteLine($"  … {stage} done after {now - last:F2} s, {cpu - lastCpu:F2} CPU s (load average {LoadAverage()}, working set {PeakMemory.Mb(Environment.WorkingSet)})");
            (last, lastCpu) = (now, cpu);
        }
        var sampler = HeapSampler.Start();
        var report = Stability.AnalyzeInStages(model, data, teacher, options, Lap);
        var text = TextReport.Render(report);
        var json = JsonReport.Render(report);
        Lap("render");
        var total = laps.Sum(l => l.Seconds);
        var peakHeap = sampler.Stop();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakWorkingSet = process.PeakWorkingSet64;
        var summary = $"r = {report.NormalDimension}, largest rank H_i = {report.SampleRanks.Max()}, λ = {report.Lambda:G4} ± {report.LambdaStandardError:G2} ({report.LambdaMethod}), " +
                      $"μ = {report.Mu:G4}, bounds [{report.LambdaBounds.Lower:G4}, {report.LambdaBounds.Upper:G4}], steps {report.Steps}, text {text.Length} chars, JSON {json.Length} chars";
        report = null;

        foreach (var (stage, seconds, cpu) in laps)
            Console.WriteLine($"  {stage,-10} {seconds,8:F2} s wall {cpu,8:F2} s CPU");
        Console.WriteLine($"  total      {total,8:F2} s wall {laps.Sum(l => l.Cpu),8:F2} s CPU (all threads), load average {LoadAverage()}");
        Console.WriteLine($"  managed heap peak {PeakMemory.Mb(peakHeap)}, process peak working set {PeakMemory.Mb(peakWorkingSet)}");
        Console.WriteLine("  " + summary);
        // The bounds alone (λ computes them inside its stage), after the measured run so they do not raise its peak.
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var lin = MinimumLinearization.At(model, data, teacher, options.NormalSpaceTolerance, threads);
        var boundsWatch = Stopwatch.StartNew();
        ExponentBounds.Compute(lin.Hessians, options.Lambda());
        var boundsSeconds = boundsWatch.Elapsed.TotalSeconds;

        Console.WriteLine($"  (bounds alone {boundsSeconds:F2} s, part of λ; λ without them ≈ {laps.Single(l => l.Stage == "lambda").Seconds - boundsSeconds:F2} s)");
    }

    /// <summary>N inputs ~ N(0, I) labelled by a teacher with weights ~ N(0, 1/fan-in): the teacher interpolates.</summary>
    private static (Dataset Data, double[] Teacher) Teacher(ILossModel model, int inputs, int n, int seed)
    {
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var form = model.SquaredResidual!;
        var k = form.OutputCount;
        var d = model.ParameterCount;
        var hidden = (d - 0) / (inputs + k);
        var weights = hidden * inputs;
        var teacher = Enumerable.Range(0, d).Select(i => Gaussian() / Math.Sqrt(i < weights ? inputs : hidden)).ToArray();
        var outputs = new double[k];
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var row = new double[model.SampleWidth];
            for (var j = 0; j < inputs; j++) row[j] = Gaussian();
            form.Outputs(teacher, row, outputs);
            for (var c = 0; c < k; c++) row[form.TargetIndices[c]] = outputs[c];
            rows[i] = row;
        }
        return (Dataset.FromRows(rows), teacher);
    }

    /// <summary>λ_max of (2c/N) Σ_i J_iᵀJ_i by power iteration, one Jacobian per sample at a time.</summary>
    private static double Sharpness(SquaredResidualForm form, Dataset data, double[] point)
    {
        var d = point.Length;
        var k = form.OutputCount;
        var v = Enumerable.Repeat(1.0 / Math.Sqrt(d), d).ToArray();
        var lambda = 0.0;
        var chunks = Environment.ProcessorCount;
        var sums = Enumerable.Range(0, chunks).Select(_ => new double[d]).ToArray();
        var jacobians = Enumerable.Range(0, chunks).Select(_ => new double[k * d]).ToArray();
        for (var it = 0; it < 15; it++)
        {
            // Fixed chunks of samples, each with its own buffers: no garbage, the same sum on every run.
            Parallel.For(0, chunks, c =>
            {
                var (j, w) = (jacobians[c], sums[c]);
                Array.Clear(w);
                for (var i = c * data.Count / chunks; i < (c + 1) * data.Count / chunks; i++)
                {
                    form.OutputJacobian(point, data[i], j);
                    for (var o = 0; o < k; o++)
                    {
                        var row = j.AsSpan(o * d, d);
                        var dot = 0.0;
                        for (var p = 0; p < d; p++) dot += row[p] * v[p];
                        for (var p = 0; p < d; p++) w[p] += dot * row[p];
                    }
                }
            });
            var next = new double[d];
            foreach (var w in sums)
                for (var p = 0; p < d; p++) next[p] += w[p] * form.Curvature / data.Count;
            lambda = Math.Sqrt(next.Sum(x => x * x));
            for (var p = 0; p < d; p++) v[p] = next[p] / lambda;
        }
        return lambda;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Samples GC.GetTotalMemory(false) every millisecond on a background thread.</summary>
    private sealed class HeapSampler
    {
        private long peak;
        private readonly CancellationTokenSource stop = new();
        private Thread? thread;

        public static HeapSampler Start()
        {
            var s = new HeapSampler { peak = GC.GetTotalMemory(false) };
            s.thread = new Thread(() =>
            {
                while (!s.stop.IsCancellationRequested)
                {
                    var now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref s.peak)) Interlocked.Exchange(ref s.peak, now);
                    Thread.Sleep(1);
                }
            }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
            s.thread.Start();
            return s;
        }

        public long Stop()
        {
            stop.Cancel();
            thread!.Join();
            return peak;
        }
    }
}
