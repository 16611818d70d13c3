using SgdDsl.Exponents;
using SgdDsl.Linearizing;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// The iterative mean-square bound (Lanczos and the cone bound on X ↦ E[A X A] through the factors, the path above
/// r = 8) against the dense r²×r² eigen-decomposition it replaced, kept as the independent check, and against the
/// closed form of THEORY.md for commuting K_i. Tolerance 1e-6 on ½ log ρ: the iteration stops within a relative 1e-6
/// of ρ (at most 5e-7 on the exponent), and it must never fall below the exact value (beyond 1e-12 of round-off).
/// </summary>
public class MeanSquareBoundTests
{
    private static RestrictedHessians Hessians(int d, int outputs, int n, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d * outputs).Select(_ => 2 * random.NextDouble() - 1).ToArray()).ToArray();
        ILossModel model = outputs == 1 ? new LinearFeaturesModel(d, squaredResidual: true) : new MultiOutputLinearModel(d, outputs, squaredResidual: true);
        var data = outputs == 1 ? LinearFeaturesModel.WithFeatures(rows) : MultiOutputLinearModel.WithFeatures(outputs, rows);
        return Stability.Linearize(model, data, new double[d]).Inner.Hessians;
    }

    [Theory]
    [InlineData(9, 1, 30, 3, BatchSampling.WithoutReplacement, 0.5)]
    [InlineData(10, 1, 25, 1, BatchSampling.WithoutReplacement, 1.2)]
    [InlineData(11, 1, 40, 4, BatchSampling.WithReplacement, 0.8)]
    [InlineData(12, 2, 20, 2, BatchSampling.WithoutReplacement, 0.4)]
    public void Lanczos_bound_agrees_with_the_dense_operator_from_above(int d, int outputs, int n, int b, BatchSampling sampling, double etaTimesMean)
    {
        var hessians = Hessians(d, outputs, n, seed: d * 100 + n);
        Assert.Equal(d, hessians.Dimension);
        var eta = etaTimesMean * d / Enumerable.Range(0, d).Sum(a => hessians.Mean[a * d + a]);
        var (alpha, beta) = MeanSquareExponent.PairWeights(n, b, sampling);
        var dense = MeanSquareExponent.Dense(hessians, eta, alpha, beta);
        var (upper, lower, applications) = new SecondMoment(hessians, eta, alpha, beta).SpectralRadiusBounds(MeanSquareExponent.MaxIterations, 1e-6);
        Assert.True(0.5 * Math.Log(upper) >= dense - 1e-12, $"upper bound {0.5 * Math.Log(upper)} below the exact {dense}");
        Assert.True(0.5 * Math.Log(lower) <= dense + 1e-12, $"Ritz value {0.5 * Math.Log(lower)} above the exact {dense}");
        Assert.InRange(0.5 * Math.Log(upper) - dense, -1e-12, 1e-6);
        Assert.True(applications <= MeanSquareExponent.MaxIterations + 20);
        // The production path at r > 8 is this iteration.
        Assert.Equal(0.5 * Math.Log(upper), MeanSquareExponent.Compute(hessians, eta, b, sampling)!.Value, 1e-6);
    }

    [Fact]
    public void Commuting_curvatures_give_the_closed_form_of_the_worst_direction()
    {
        // Axis features: sample i curves only direction i mod 12, so every K_i is diagonal and T acts on E_ab by
        // E[(1 − ηk_a)(1 − ηk_b)] ≤ max_a E(1 − ηk_a)² (Cauchy–Schwarz): ρ is the worst one-dimensional mean square.
        const int d = 12, n = 36, b = 2;
        const double eta = 0.9;
        var h = Enumerable.Range(0, n).Select(i => 0.3 + 0.25 * (i % 5) + 0.1 * (i / d)).ToArray();
        var rows = Enumerable.Range(0, n).Select(i =>
        {
            var x = new double[d];
            x[i % d] = Math.Sqrt(h[i]);
            return x;
        }).ToArray();
        var report = Stability.Analyze(new LinearFeaturesModel(d, squaredResidual: true), LinearFeaturesModel.WithFeatures(rows), new double[d],
            new StabilityOptions { LearningRate = eta, BatchSize = b });
        Assert.Equal(d, report.NormalDimension);
        var worst = Enumerable.Range(0, d)
            .Max(a => ClosedForms.MeanSquareWithoutReplacement(Enumerable.Range(0, n).Select(i => i % d == a ? h[i] : 0.0).ToArray(), b, eta));
        Assert.InRange(report.LambdaBounds.Upper - worst, -1e-12, 1e-6);
    }

    [Fact]
    public void Over_its_cost_cap_the_bound_is_skipped_not_paid_for()
    {
        // r = M = 400: one application costs r²(1 + 2M) ≈ 1.3e8 multiply-adds, above the 5e7 cap.
        var hessians = Hessians(400, 1, 400, seed: 3);
        Assert.True(MeanSquareExponent.AffordableIterations(hessians) < MeanSquareExponent.MinIterations);
        Assert.Null(MeanSquareExponent.Compute(hessians, 0.01, 4, BatchSampling.WithoutReplacement));
    }
}
