// A teacher–student two-layer tanh network: N = 32 samples labelled by a random teacher of the same
// shape, so a student with d = 80 parameters can interpolate them and its global minima form a manifold
// of dimension at least d − N = 48. The student is trained to interpolation with Minimize, then analysed.
using SgdDsl;
using SgdDsl.Rendering;
using TwoLayerTanhSample;

const int N = 32, Seed = 2025;
var random = new Random(Seed);
double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

var model = TwoLayerTanh.Model;
var teacher = Enumerable.Range(0, model.ParameterCount).Select(_ => Gaussian() / 2).ToArray();
var rows = new double[N][];
for (var i = 0; i < N; i++)
{
    var row = new double[model.SampleWidth];
    for (var k = 0; k < TwoLayerTanh.D; k++) row[k] = Gaussian();
    row[^1] = model.SquaredResidual!.Output(teacher, row); // y = teacher's output: interpolation is possible
    rows[i] = row;
}

var data = Dataset.FromRows(rows);
var start = teacher.Select(w => w + 0.3 * Gaussian()).ToArray();
var trained = Stability.Minimize(model, data, start);
Console.WriteLine($"Trained the student to L = {trained.Loss:G3} in {trained.Iterations} damped {trained.Method} steps; it moved {trained.DistanceMoved:G3} from its start.");
Console.WriteLine();

// The sharpness a = λ_max(H) sets the GD threshold η < 2/a; look well below it, below it and near it.
var probe = Stability.Analyze(model, data, trained.Point, new StabilityOptions { LearningRate = 1e-3 });
var sharpness = probe.MeanHessianSpectrumOnNormalSpace.Max();
foreach (var fraction in new[] { 0.05, 1.0, 1.9 })
{
    var eta = fraction / sharpness;
    Console.WriteLine($"η = {fraction}/sharpness = {eta:G4}, B = 1:");
    var report = Stability.Analyze(model, data, trained.Point, new StabilityOptions { LearningRate = eta, BatchSize = 1 });
    Console.WriteLine(TextReport.Render(report));
}
