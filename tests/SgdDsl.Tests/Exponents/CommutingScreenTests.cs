using SgdDsl.Exponents;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Exponents;

/// <summary>
/// Above r = 16 a commutator screen runs before the eigen-decomposition that decides commutation: it must let every
/// commuting family through (the exact path still applies) and stop generic ones (which then get no joint curvatures).
/// </summary>
public class CommutingScreenTests
{
    private const int D = 24;

    private static SgdDsl.Linearization Linearize(Func<int, double[]> row, int n) =>
        Stability.Linearize(new LinearFeaturesModel(D, squaredResidual: true), LinearFeaturesModel.WithFeatures(Enumerable.Range(0, n).Select(row).ToArray()), new double[D]);

    [Fact]
    public void Commuting_restricted_hessians_pass_the_screen_and_get_their_joint_curvatures()
    {
        // Axis features (sample i curves direction i mod D, with its own size): diagonal K_i, which commute.
        var lin = Linearize(i =>
        {
            var x = new double[D];
            x[i % D] = 0.5 + 0.1 * i;
            return x;
        }, 2 * D);
        Assert.Equal(D, lin.NormalDimension);
        var joint = CommutingFamily.JointCurvatures(lin.Inner.Hessians);
        Assert.NotNull(joint);
        // Each common eigenvector is an axis: its curvatures are the squared sizes of the samples on that axis.
        var expected = Enumerable.Range(0, D).Select(a => Enumerable.Range(0, 2 * D).Select(i => i % D == a ? Math.Pow(0.5 + 0.1 * i, 2) : 0.0).ToArray()).ToArray();
        foreach (var h in expected)
            Assert.Contains(joint, j => j.Zip(h).All(p => Math.Abs(p.First - p.Second) < 1e-12));
    }

    [Fact]
    public void Generic_restricted_hessians_do_not_commute()
    {
        var random = new Random(5);
        var lin = Linearize(_ => Enumerable.Range(0, D).Select(_ => 2 * random.NextDouble() - 1).ToArray(), 2 * D);
        Assert.Null(CommutingFamily.JointCurvatures(lin.Inner.Hessians));
    }
}
