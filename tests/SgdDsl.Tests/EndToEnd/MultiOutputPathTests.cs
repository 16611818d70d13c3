using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using SgdDsl.Cli.BuiltIn;
using SgdDsl.Linearizing;
using SgdDsl.Rendering;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.EndToEnd;

/// <summary>
/// Issue 12 §1: K &gt; 1 outputs on every path (exact, bounds, estimate, spectrum, Wu–Ma–E, simulation, streamed
/// linearization, report), each against a brute-force dense computation written here from the definitions: Q from an
/// SVD of the stacked per-sample Hessians, K_i = QᵀH_iQ, every batch enumerated, E[A⊗A] as an r²×r² matrix.
/// Exact quantities agree to 1e-10 (eigen-decompositions of the same small matrices formed differently); Monte Carlo
/// ones within four combined standard errors.
/// </summary>
public class MultiOutputPathTests
{
    private const int K = 2;

    /// <summary>Brute force at small d: everything from dense d×d Hessians.</summary>
    private sealed class Dense
    {
        public readonly Matrix<double>[] Restricted;
        public readonly int R;

        public Dense(ILossModel model, Dataset data, double[] point)
        {
            var d = model.ParameterCount;
            var hessians = Enumerable.Range(0, data.Count).Select(i =>
            {
                var h = new double[d * d];
                model.Hessian(point, data[i], h);
                return Matrix<double>.Build.Dense(d, d, h);
            }).ToArray();
            var stacked = Matrix<double>.Build.Dense(d, d * data.Count, (a, b) => hessians[b / d][a, b % d]);
            var svd = stacked.Svd(computeVectors: true);
            R = svd.S.Count(s => s > 1e-9 * svd.S[0]);
            var q = svd.U.SubMatrix(0, d, 0, R);
            Restricted = hessians.Select(h => q.Transpose() * h * q).ToArray();
        }

        public Matrix<double> Map(IEnumerable<int> batch, double eta)
        {
            var list = batch.ToList();
            var mean = list.Aggregate(Matrix<double>.Build.Dense(R, R), (m, i) => m + Restricted[i]) / list.Count;
            return Matrix<double>.Build.DenseIdentity(R) - eta * mean;
        }

        public Matrix<double> Mean => Restricted.Aggregate(Matrix<double>.Build.Dense(R, R), (m, k) => m + k) / Restricted.Length;

        public double[] MeanSpectrum => Mean.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Order().ToArray();

        public double Lower(int b, double eta) =>
            Exponents.ClosedForms.Subsets(Restricted.Length, b).Average(s => Math.Log(Math.Abs(Map(s, eta).Determinant()))) / R;

        public double Upper(int b, double eta)
        {
            var batches = Exponents.ClosedForms.Subsets(Restricted.Length, b).ToArray();
            var second = batches.Aggregate(Matrix<double>.Build.Dense(R * R, R * R), (m, s) => m + Map(s, eta).KroneckerProduct(Map(s, eta))) / batches.Length;
            return 0.5 * Math.Log(second.Evd().EigenValues.Max(e => e.Magnitude));
        }

        public (double Sharpness, double NonUniformity) WuMaE()
        {
            var mean = Mean;
            var sigma = Restricted.Aggregate(Matrix<double>.Build.Dense(R, R), (m, k) => m + k * k) / Restricted.Length - mean * mean;
            return (MeanSpectrum[^1], Math.Sqrt(Math.Max(0, sigma.Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real))));
        }

        /// <summary>λ by renormalized products of random B-subset maps: 4 chains, batch means over 40 blocks.</summary>
        public (double Value, double StandardError) MonteCarlo(int b, double eta, int stepsPerChain, int seed)
        {
            var blocks = new List<double>();
            for (var chain = 0; chain < 4; chain++)
            {
                var random = new Random(seed + chain);
                var v = Vector<double>.Build.Dense(R, j => 1.0 + j);
                v /= v.L2Norm();
                for (var t = 0; t < 2000; t++) v = Step(v, random, b, eta, out _);
                var perBlock = stepsPerChain / 10;
                for (var block = 0; block < 10; block++)
                {
                    var sum = 0.0;
                    for (var t = 0; t < perBlock; t++)
                    {
                        v = Step(v, random, b, eta, out var log);
                        sum += log;
                    }
                    blocks.Add(sum / perBlock);
                }
            }
            var mean = blocks.Average();
            return (mean, Math.Sqrt(blocks.Sum(x => (x - mean) * (x - mean)) / (blocks.Count - 1) / blocks.Count));
        }

        private Vector<double> Step(Vector<double> v, Random random, int b, double eta, out double log)
        {
            var batch = Enumerable.Range(0, Restricted.Length).OrderBy(_ => random.Next()).Take(b);
            var w = Map(batch, eta) * v;
            var norm = w.L2Norm();
            log = Math.Log(norm);
            return w / norm;
        }
    }

    // Non-commuting K = 2 features in d = 4 (each sample's two rows span a different plane).
    private static readonly Dataset Mixed = MultiOutputLinearModel.WithFeatures(K,
        [1.0, 0.2, -0.3, 0.0, 0.1, 0.9, 0.0, 0.4],
        [0.0, -0.5, 1.1, 0.3, 0.7, 0.0, 0.2, -0.6],
        [0.3, 0.3, 0.3, 0.3, -0.2, 0.8, -0.4, 0.1],
        [0.6, -0.1, 0.0, 0.9, 0.0, 0.3, 0.5, 0.2]);

    // Axis-aligned features: every H_i is diagonal, so the K_i commute and λ is exact.
    private static readonly Dataset Aligned = MultiOutputLinearModel.WithFeatures(K,
        [1.2, 0.0, 0.0, 0.0, 0.0, 0.8, 0.0, 0.0],
        [0.0, 0.0, 1.5, 0.0, 0.5, 0.0, 0.0, 0.0],
        [0.0, 1.1, 0.0, 0.0, 0.0, 0.0, 0.7, 0.0],
        [0.0, 0.0, 0.0, 0.0, 0.9, 0.0, 0.0, 0.0]);

    private static readonly ILossModel Linear = new MultiOutputLinearModel(4, K, squaredResidual: true);

    [Fact]
    public void Bounds_mu_spectrum_and_Wu_Ma_E_match_the_dense_definitions()
    {
        const double eta = 0.7;
        var report = Stability.Analyze(Linear, Mixed, new double[4], new StabilityOptions { LearningRate = eta, BatchSize = 2, Steps = 20_000, MaxSteps = 0 });
        var dense = new Dense(Linear, Mixed, new double[4]);

        Assert.Equal(dense.R, report.NormalDimension);
        Assert.Equal(dense.MeanSpectrum, report.MeanHessianSpectrumOnNormalSpace, (a, b) => Math.Abs(a - b) <= 1e-10);
        Assert.Equal(Math.Log(dense.MeanSpectrum.Max(h => Math.Abs(1 - eta * h))), report.Mu, 1e-10);
        Assert.Equal(dense.Lower(2, eta), report.LambdaBounds.Lower, 1e-10);
        Assert.Equal(dense.Upper(2, eta), report.LambdaBounds.Upper, 1e-10);
        var (a, s) = dense.WuMaE();
        Assert.Equal(a, report.Sharpness, 1e-10);
        Assert.Equal(s, report.NonUniformity, 1e-10);
    }

    [Fact]
    public void Estimate_and_spectrum_agree_with_dense_random_products()
    {
        const double eta = 0.7;
        var report = Stability.Analyze(Linear, Mixed, new double[4], new StabilityOptions
        {
            LearningRate = eta, BatchSize = 2, Steps = 40_000, Transient = 2_000, AlwaysEstimate = true, MaxSteps = 0, SpectrumSize = 4,
        });
        var dense = new Dense(Linear, Mixed, new double[4]);
        var (value, se) = dense.MonteCarlo(2, eta, 20_000, seed: 5);

        Assert.Equal(LambdaMethod.Estimate, report.LambdaMethod);
        var combined = Math.Sqrt(se * se + report.LambdaStandardError * report.LambdaStandardError);
        Assert.True(Math.Abs(report.Lambda - value) <= 4 * combined, $"λ = {report.Lambda} ± {report.LambdaStandardError}, dense {value} ± {se}");
        Assert.InRange(report.Lambda, report.LambdaBounds.Lower - 4 * report.LambdaStandardError, report.LambdaBounds.Upper);
        // Σ of all r exponents = E log|det A_ξ| (Oseledets), from the enumerated determinants.
        Assert.Equal(4, report.Spectrum.Count);
        var sum = report.Spectrum.Sum(e => e.Exponent);
        var sumError = Math.Sqrt(report.Spectrum.Sum(e => e.StandardError * e.StandardError));
        Assert.True(Math.Abs(sum - dense.R * dense.Lower(2, eta)) <= 4 * sumError + 1e-6, $"Σ = {sum} ± {sumError}, E log|det| = {dense.R * dense.Lower(2, eta)}");
    }

    [Fact]
    public void Commuting_restricted_hessians_give_the_exact_lambda_and_spectrum_of_the_enumerated_batches()
    {
        const double eta = 0.9;
        var report = Stability.Analyze(Linear, Aligned, new double[4], new StabilityOptions { LearningRate = eta, BatchSize = 2, SpectrumSize = 3 });
        var dense = new Dense(Linear, Aligned, new double[4]);
        Assert.Equal(3, dense.R);
        // Diagonal K_i: exponent j is E_ξ log|1 − η (K_ξ)_jj| over the C(4, 2) batches.
        var exponents = Enumerable.Range(0, dense.R)
            .Select(j => Exponents.ClosedForms.Subsets(4, 2).Average(s => Math.Log(Math.Abs(dense.Map(s, eta)[j, j]))))
            .OrderDescending().ToArray();

        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
        Assert.Equal(exponents[0], report.Lambda, 1e-12);
        Assert.Equal(exponents, report.Spectrum.Select(e => e.Exponent), (a, b) => Math.Abs(a - b) <= 1e-12);
        Assert.Equal([K, K, K, 1], report.SampleRanks);
    }

    [Fact]
    public void A_single_possible_batch_makes_lambda_mu()
    {
        var report = Stability.Analyze(Linear, Mixed, new double[4], new StabilityOptions { LearningRate = 0.7, BatchSize = 4 });
        var dense = new Dense(Linear, Mixed, new double[4]);
        Assert.Equal(LambdaMethod.Exact, report.LambdaMethod);
        Assert.Equal(Math.Log(dense.MeanSpectrum.Max(h => Math.Abs(1 - 0.7 * h))), report.Lambda, 1e-10);
    }

    [Fact]
    public void Wu_Ma_E_at_r_210_matches_the_dense_covariance()
    {
        // d = 230, K = 3, N = 70: r = 210, above the size where Wu–Ma–E may switch to Lanczos on Σ; brute force forms Σ.
        const int d = 230, k = 3, n = 70;
        var random = new Random(3);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, k * d).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        var model = new MultiOutputLinearModel(d, k, squaredResidual: true);
        var data = MultiOutputLinearModel.WithFeatures(k, rows);
        var lin = MinimumLinearization.At(model, data, new double[d], 1e-9, 2);
        Assert.Equal(n * k, lin.Normal.Dimension);
        var r = n * k;
        var (sharpness, nonUniformity) = SgdDsl.Exponents.WuMaE.Compute(lin.Hessians, lin.MeanSpectrum!);

        var restricted = Enumerable.Range(0, n).Select(i => Matrix<double>.Build.Dense(r, r, lin.Hessians.Dense(i))).ToArray();
        var mean = restricted.Aggregate(Matrix<double>.Build.Dense(r, r), (m, x) => m + x) / n;
        var sigma = restricted.Aggregate(Matrix<double>.Build.Dense(r, r), (m, x) => m + x * x) / n - mean * mean;
        var top = sigma.Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real);
        Assert.Equal(mean.Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real), sharpness, 1e-9 * sharpness);
        Assert.Equal(Math.Sqrt(top), nonUniformity, 1e-7 * nonUniformity);
    }

    [Fact]
    public void The_streamed_jacobian_gives_the_held_linearization()
    {
        // Blocks of 3 rows (budget 3·8·d bytes) over N·K = 8 rows: diagonal and cross blocks of G, and the products
        // with C and Cᵀ, all recomputed from the model; the Gram matrix is summed the same way, so results are equal.
        const int d = 10;
        var random = new Random(4);
        var data = MultiOutputLinearModel.WithFeatures(K, [.. Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, K * d).Select(_ => random.NextDouble() - 0.5).ToArray())]);
        var model = new MultiOutputLinearModel(d, K, squaredResidual: true);
        var held = MinimumLinearization.At(model, data, new double[d], 1e-9, 2);
        var streamed = MinimumLinearization.At(model, data, new double[d], 1e-9, 2, heldFactorBytes: 3 * 8 * d);
        Assert.True(held.Normal.FromGram && streamed.Normal.FromGram);
        Assert.Equal(8, held.Normal.Dimension);
        Assert.Equal(held.MeanSpectrum!, streamed.MeanSpectrum!);
        for (var i = 0; i < data.Count; i++)
            Assert.Equal(held.Hessians.Dense(i), streamed.Hessians.Dense(i));
        var x = Enumerable.Range(0, d).Select(j => Math.Sin(j + 1.0)).ToArray();
        var (a, b) = (new double[held.Normal.Dimension], new double[held.Normal.Dimension]);
        held.Normal.Project(x, a);
        streamed.Normal.Project(x, b);
        Assert.Equal(a, b, (p, q) => Math.Abs(p - q) <= 1e-14);
        Assert.Equal(held.Normal.Basis(1).ToArray(), streamed.Normal.Basis(1).ToArray(), (p, q) => Math.Abs(p - q) <= 1e-14);

        // A tanh network with K = 1, streamed one row at a time.
        var (tanhData, teacher, _) = TeacherStudent.Build(SmallTanhNet.Model, SmallTanhNet.D, 9, seed: 8);
        var one = MinimumLinearization.At(SmallTanhNet.Model, tanhData, teacher, 1e-9, 1);
        var rowAtATime = MinimumLinearization.At(SmallTanhNet.Model, tanhData, teacher, 1e-9, 1, heldFactorBytes: 8 * SmallTanhNet.Model.ParameterCount);
        Assert.Equal(one.MeanSpectrum!, rowAtATime.MeanSpectrum!);
    }

    [Fact]
    public void The_generated_two_output_model_matches_its_dense_hessians()
    {
        var model = TwoOutputScaling.Model;
        Assert.Equal(2, model.SquaredResidual!.OutputCount);
        var data = Dataset.FromRows([[1.0, 1.0, 0.5], [2.0, 2.0, 1.0], [0.5, 0.5, 0.25]]);
        double[] point = [1.0, 1.0, 0.5];
        var options = new StabilityOptions { LearningRate = 0.2, Steps = 20_000, MaxSteps = 0 };
        var fast = Stability.Analyze(model, data, point, options);
        var dense = Stability.Analyze(new WithoutResidualForm(model), data, point, options);
        var brute = new Dense(model, data, point);

        Assert.True(fast.FromSquaredResidual);
        Assert.Equal(2, fast.NormalDimension);
        Assert.Equal(brute.R, fast.NormalDimension);
        Assert.Equal([2, 2, 2], fast.SampleRanks);
        Assert.Equal(brute.MeanSpectrum, fast.MeanHessianSpectrumOnNormalSpace, (a, b) => Math.Abs(a - b) <= 1e-10);
        Assert.Equal(dense.Mu, fast.Mu, 1e-10);
        Assert.Equal(dense.LambdaBounds.Lower, fast.LambdaBounds.Lower, 1e-10);
        Assert.Equal(dense.LambdaBounds.Upper, fast.LambdaBounds.Upper, 1e-10);
        Assert.Equal(brute.Lower(1, 0.2), fast.LambdaBounds.Lower, 1e-10);
        Assert.Equal(dense.NonUniformity, fast.NonUniformity, 1e-10);
    }

    [Fact]
    public void Log_cosh_residual_form_matches_its_dense_hessians()
    {
        var (data, teacher, _) = TeacherStudent.Build(LogCoshTanhNet.Model, LogCoshTanhNet.D, 8, seed: 12);
        var options = new StabilityOptions { LearningRate = 0.05, BatchSize = 2, Steps = 20_000, MaxSteps = 0 };
        var fast = Stability.Analyze(LogCoshTanhNet.Model, data, teacher, options);
        var dense = Stability.Analyze(new WithoutResidualForm(LogCoshTanhNet.Model), data, teacher, options);
        Assert.True(fast.FromSquaredResidual);
        Assert.Equal(dense.NormalDimension, fast.NormalDimension);
        Assert.Equal(dense.MeanHessianSpectrumOnNormalSpace, fast.MeanHessianSpectrumOnNormalSpace, (a, b) => Math.Abs(a - b) <= 1e-9 * dense.Sharpness);
        Assert.Equal(dense.LambdaBounds.Lower, fast.LambdaBounds.Lower, 1e-9);
        Assert.Equal(dense.NonUniformity, fast.NonUniformity, 1e-9);
    }

    [Fact]
    public void Nonlinear_sgd_shrinks_at_lambda_with_starts_on_the_normal_space()
    {
        // The model is linear, so SGD from x* + δu is exactly the product of the A_ξ: its growth rate is λ.
        const double eta = 1.6;
        var dense = new Dense(Linear, Aligned, new double[4]);
        var lambda = Enumerable.Range(0, dense.R).Max(j => Exponents.ClosedForms.Subsets(4, 2).Average(s => Math.Log(Math.Abs(dense.Map(s, eta)[j, j]))));
        Assert.True(lambda < -0.1, $"λ = {lambda}");
        var result = Simulation.Run(Linear, Aligned, new double[4], new SimulationOptions { LearningRate = eta, BatchSize = 2, Trials = 60, Steps = 300, Seed = 3 });

        Assert.Equal(dense.R, result.NormalDimension);
        Assert.True(result.AccumulatedFraction >= 0.9, $"accumulated {result.Accumulated}/60");
        Assert.True(Math.Abs(result.GrowthRate - lambda) <= 4 * result.GrowthRateStandardError + 1e-3, $"rate {result.GrowthRate} ± {result.GrowthRateStandardError}, λ = {lambda}");
        // N = span{e0, e1, e2}: no start moves along e3.
        Assert.All(result.Trials, t => Assert.Equal(0.0, t.Direction[3], 1e-12));
    }

    [Fact]
    public void Reports_show_the_outputs_and_the_largest_rank()
    {
        var report = Stability.Analyze(Linear, Mixed, new double[4], new StabilityOptions { LearningRate = 0.7, BatchSize = 2 });
        Assert.Equal(K, report.OutputCount);
        Assert.Equal(K, report.LargestSampleRank);
        Assert.Contains("K = 2 outputs", TextReport.Render(report));
        var json = JsonDocument.Parse(JsonReport.Render(report)).RootElement;
        Assert.Equal(K, json.GetProperty("outputs").GetInt32());
        Assert.Equal(K, json.GetProperty("largestSampleRank").GetInt32());
        Assert.Equal(4, json.GetProperty("normalDimension").GetInt32());

        var without = Stability.Analyze(new MultiOutputLinearModel(4, K, squaredResidual: false), Mixed, new double[4], new StabilityOptions { LearningRate = 0.7, BatchSize = 2 });
        Assert.Null(without.OutputCount);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(JsonReport.Render(without)).RootElement.GetProperty("outputs").ValueKind);
        Assert.Equal(K, without.LargestSampleRank);
    }

    [Fact]
    public void Command_line_analyze_sweep_plot_and_simulate_carry_K_outputs()
    {
        var folder = Directory.CreateTempSubdirectory("sgddsl-k2-");
        try
        {
            var (code, output, error) = SgdDsl.Tests.Cli.CliRunner.Run("analyze", "--model", "TwoOutputScaling", "--eta", "0.2", "--json");
            Assert.True(code == 0, error);
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal(2, json.GetProperty("outputs").GetInt32());
            Assert.Equal(2, json.GetProperty("largestSampleRank").GetInt32());
            Assert.Equal(2, json.GetProperty("normalDimension").GetInt32());

            var rows = Path.Combine(folder.FullName, "rows.jsonl");
            var png = Path.Combine(folder.FullName, "eta.png");
            (code, _, error) = SgdDsl.Tests.Cli.CliRunner.Run("sweep", "--model", "TwoOutputScaling", "--at", "1,1,0.5", "--eta", "0.1:0.4:4", "--out", rows, "--plot", png, "--quiet");
            Assert.True(code == 0, error);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(png).Take(4));
            var model = TwoOutputScaling.Model;
            var data = Dataset.FromRows([[1.0, 1.0, 0.5], [2.0, 2.0, 1.0]]);
            var dense = new Dense(model, data, [1.0, 1.0, 0.5]);
            foreach (var line in File.ReadAllLines(rows).Where(l => l.Length > 0))
            {
                var row = JsonDocument.Parse(line).RootElement;
                Assert.Equal("ok", row.GetProperty("status").GetString());
                Assert.Equal(2, row.GetProperty("outputs").GetInt32());
                var eta = row.GetProperty("eta").GetDouble();
                Assert.Equal(dense.Lower(1, eta), row.GetProperty("lambdaLower").GetDouble(), 1e-10);
                Assert.Equal(Math.Log(dense.MeanSpectrum.Max(h => Math.Abs(1 - eta * h))), row.GetProperty("mu").GetDouble(), 1e-10);
            }

            (code, output, error) = SgdDsl.Tests.Cli.CliRunner.Run("simulate", "--model", "TwoOutputScaling", "--eta", "0.2", "--trials", "8", "--steps", "100", "--json");
            Assert.True(code == 0, error);
            Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("normalDimension").GetInt32());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
