using SgdDsl.Models;
using SgdDsl.Descent;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Descent;

public class InitializationTests
{
    [Fact]
    public void Blocks_are_recovered_from_the_flattened_names()
    {
        var blocks = ParameterBlock.Of(SmallTanhNet.Model.ParameterNames);
        Assert.Equal(2, blocks.Count);
        Assert.Equal(("W", 0, 4), (blocks[0].Name, blocks[0].Offset, blocks[0].FanIn));
        Assert.Equal([6, 4], blocks[0].Shape);
        Assert.Equal(("v", 24, 6), (blocks[1].Name, blocks[1].Offset, blocks[1].FanIn));
        Assert.Equal([6], blocks[1].Shape);

        // Scalars and names that only look subscripted are blocks of one with fan-in 1.
        var loose = ParameterBlock.Of(["a", "b", "x[1]", "x[0]", "w[0]", "w[1]", "w[2]", "z[0,0]", "z[0,1]", "z[1,0]"]);
        Assert.Equal(["a", "b", "x[1]", "x", "w", "z[0,0]", "z[0,1]", "z[1,0]"], loose.Select(b => b.Name));
        Assert.Equal([1, 1, 1, 1, 3, 1, 1, 1], loose.Select(b => b.Size));
        Assert.Equal([1, 1, 1, 1, 3, 1, 1, 1], loose.Select(b => b.FanIn));
        Assert.Equal([.. Enumerable.Repeat(4, 24), .. Enumerable.Repeat(6, 6)], Initialization.FanIns(SmallTanhNet.Model));
        Assert.Equal([1, 1], Initialization.FanIns(new ProductModel()));
    }

    [Fact]
    public void Normal_initialization_has_variance_one_over_fan_in_in_every_block()
    {
        // WideTanhNet: W is 100 × 199 (fan-in 199), v has 100 entries (fan-in 100). For N(0, σ²) the mean of n squares has
        // mean σ² and standard error σ²√(2/n); 5 standard errors make a false failure a 6e-7 event. v is pooled over
        // 40 seeds (n = 4,000) so its check is as sharp as W's (n = 19,900).
        var model = WideTanhNet.Model;
        var draws = Enumerable.Range(0, 40).Select(seed => Initialization.Normal(model, seed)).ToArray();
        CheckVariance(draws[0][..19_900], 1.0 / 199);
        CheckVariance(draws.SelectMany(t => t[19_900..]).ToArray(), 1.0 / 100);
        // Mean zero within 5 SE (σ/√n) too.
        Assert.InRange(draws[0][..19_900].Average(), -5 * Math.Sqrt(1.0 / 199 / 19_900), 5 * Math.Sqrt(1.0 / 199 / 19_900));
    }

    [Fact]
    public void Scale_multiplies_the_standard_deviation_and_the_seed_fixes_the_point()
    {
        var model = SmallTanhNet.Model;
        var unit = Initialization.Normal(model, seed: 9);
        var scaled = Initialization.Normal(model, seed: 9, scale: 3.0);
        for (var k = 0; k < unit.Length; k++)
            Assert.Equal(3.0 * unit[k], scaled[k], 1e-15);
        Assert.Equal(unit, Initialization.Normal(model, seed: 9));
        Assert.NotEqual(unit, Initialization.Normal(model, seed: 10));
        Assert.All(Initialization.Normal(model, 9, 0.0), x => Assert.Equal(0.0, x));
        Assert.Throws<ArgumentOutOfRangeException>(() => Initialization.Normal(model, 9, -1.0));
    }

    private static void CheckVariance(double[] x, double variance)
    {
        var meanSquare = x.Average(v => v * v);
        var se = variance * Math.Sqrt(2.0 / x.Length);
        Assert.True(Math.Abs(meanSquare - variance) <= 5 * se, $"mean square {meanSquare}, expected {variance} ± 5·{se}");
    }
}
