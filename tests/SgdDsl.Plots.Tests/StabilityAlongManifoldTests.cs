using StabilityAlongManifold;

namespace SgdDsl.Plots.Tests;

/// <summary>
/// The sample's stable sets against THEORY.md's closed form for the product model at (a, 1/a), x = (0.9, 2.5),
/// η = 0.15, B = 1: with s = a² + 1/a², μ = log|1 − η s mean(x²)| and λ = mean_i log|1 − η s x_i²|.
/// The sets' ends solve μ(s) = 0 and λ(s) = 0, found here by bisection in s and mapped to a = √((s ± √(s² − 4))/2).
/// </summary>
public class StabilityAlongManifoldTests
{
    private const double Eta = 0.15;
    private static readonly double[] SquaredX = [0.81, 6.25];

    private static double Mu(double s) => Math.Log(Math.Abs(1 - Eta * s * SquaredX.Average()));

    private static double Lambda(double s) => SquaredX.Average(x2 => Math.Log(Math.Abs(1 - Eta * s * x2)));

    [Fact]
    public void Gd_stable_set_ends_where_the_closed_form_mu_vanishes()
    {
        // μ < 0 ⇔ s < 2/(η mean(x²)); s ≥ 2 on the hyperbola, so one interval symmetric under a ↔ 1/a.
        var edge = 2 / (Eta * SquaredX.Average());
        var expected = new[] { (Inner(edge), Outer(edge)) };
        AssertSets(expected, ManifoldScan.GdStable());
    }

    [Fact]
    public void Sgd_stable_sets_end_where_the_closed_form_lambda_vanishes_and_differ_from_the_gd_set()
    {
        // In s ∈ [2, s(4)]: λ < 0 on [2, s1) and on (s2, s3) around the singular s = 1/(η x₁²), where λ = −∞.
        var singular = 1 / (Eta * SquaredX[0]);
        var s1 = Root(Lambda, 2, 4);
        var s2 = Root(Lambda, 5, singular);
        var s3 = Root(Lambda, singular, 12);
        var expected = new[] { (Inner(s3), Inner(s2)), (Inner(s1), Outer(s1)), (Outer(s2), Outer(s3)) };
        var sgd = ManifoldScan.SgdStable();
        AssertSets(expected, sgd);

        // GD-stable but SGD-unstable near the GD set's ends; SGD-stable but GD-unstable in the outer sets.
        var gd = ManifoldScan.GdStable().Single();
        Assert.True(gd.Start < sgd[1].Start && sgd[1].End < gd.End);
        Assert.True(sgd[0].End < gd.Start && gd.End < sgd[2].Start);
    }

    [Fact]
    public void Closed_form_agrees_with_the_engine_at_a_few_points()
    {
        foreach (var a in new[] { 0.3, 0.8, 1.0, 2.7 })
        {
            var s = a * a + 1 / (a * a);
            var report = ManifoldScan.At(a);
            Assert.Equal(Mu(s), report.Mu, 1e-9);
            Assert.Equal(Lambda(s), report.Lambda, 1e-9);
        }
    }

    private static void AssertSets((double Start, double End)[] expected, IReadOnlyList<StableSet> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Start, actual[i].Start, 1e-7);
            Assert.Equal(expected[i].End, actual[i].End, 1e-7);
        }
    }

    // a < 1 and a > 1 with a² + 1/a² = s.
    private static double Inner(double s) => Math.Sqrt((s - Math.Sqrt(s * s - 4)) / 2);

    private static double Outer(double s) => Math.Sqrt((s + Math.Sqrt(s * s - 4)) / 2);

    private static double Root(Func<double, double> f, double lo, double hi)
    {
        var loSign = Math.Sign(f(lo));
        Assert.NotEqual(loSign, Math.Sign(f(hi)));
        for (var i = 0; i < 200 && hi - lo > 1e-14; i++)
        {
            var mid = (lo + hi) / 2;
            if (Math.Sign(f(mid)) == loSign) lo = mid; else hi = mid;
        }

        return (lo + hi) / 2;
    }
}
