// f = w_1 w_2 ⋯ w_L x with data y = c·x: the global minima are the hypersurface {∏ w_k = c}. Its normal at
// w is ∇f/x = (c/w_1, …, c/w_L), so the single normal curvature of sample i is x_i² Σ_k (c/w_k)² and
// μ = log|1 − η K mean(x²)|, λ = E_ξ log|1 − η K mean_{i∈ξ} x_i²| with K = Σ_k (c/w_k)². This sample
// compares the runtime's numbers with those closed forms at balanced and unbalanced minima.
using DeepLinearChainSample;
using SgdDsl;

const double C = 2.0, Eta = 0.1;
double[] x = [0.5, 1.0, 1.5];
var data = Dataset.FromRows(x.Select(xi => new[] { xi, C * xi }).ToArray());
var balanced = Math.Pow(C, 1.0 / DeepLinearChain.L);
double[][] minima =
[
    [balanced, balanced, balanced, balanced],
    [2.0, 1.0, 1.0, 1.0],
    [4.0, 0.5, 1.0, 1.0],
    [8.0, 0.5, 0.5, 1.0],
];

Console.WriteLine($"Deep linear chain, L = {DeepLinearChain.L}, c = {C}, x = ({string.Join(", ", x)}), η = {Eta}, B = 1");
Console.WriteLine($"{"minimum w",-28} {"K",8} {"μ",10} {"μ exact",10} {"λ",10} {"λ exact",10}  GD / SGD");
foreach (var w in minima)
{
    var report = Stability.Analyze(DeepLinearChain.Model, data, w, new StabilityOptions { LearningRate = Eta, BatchSize = 1 });
    var k = w.Sum(wk => Math.Pow(C / wk, 2));
    var mu = Math.Log(Math.Abs(1 - Eta * k * x.Average(xi => xi * xi)));
    var lambda = x.Average(xi => Math.Log(Math.Abs(1 - Eta * k * xi * xi)));
    Console.WriteLine($"{"(" + string.Join(", ", w.Select(wk => wk.ToString("G4"))) + ")",-28} {k,8:G4} {report.Mu,10:F5} {mu,10:F5} {report.Lambda,10:F5} {lambda,10:F5}  {report.GdVerdict} / {report.SgdVerdict}");
}
