using SgdDsl.Models;
using SgdDsl.Descent;
using SgdDsl.Exponents;
using SgdDsl.Numerics;

namespace SgdDsl;

/// <summary>Seeded random start points for <see cref="Training.Run"/> that respect the model's parameter blocks.</summary>
public static class Initialization
{
    /// <summary>
    /// θ with independent normal coordinates, θ_k ~ N(0, scale² / fan-in) for the block of k (LeCun's initialization for
    /// scale = 1): fan-in n for an m×n <c>[Param(m, n)]</c> block, n for a vector <c>[Param(n)]</c> (read as a 1×n row,
    /// like an output layer's weights), 1 for a scalar <c>[Param]</c>. Blocks are recovered from
    /// <see cref="ILossModel.ParameterNames"/>: consecutive names <c>W[0,0]</c>, <c>W[0,1]</c>, … forming the row-major
    /// flattening of one shape are one block; any other name (as in models written by hand) is a scalar of fan-in 1.
    /// The coordinates are drawn in order from one stream derived from <paramref name="seed"/>: the same seed gives the
    /// same point.
    /// </summary>
    /// <param name="model">The model whose θ to draw.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="scale">Multiplies every standard deviation (finite, ≥ 0); default 1.</param>
    /// <returns>θ, length <see cref="ILossModel.ParameterCount"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative or not finite.</exception>
    public static double[] Normal(ILossModel model, int seed, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(scale >= 0.0) || !double.IsFinite(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be finite and ≥ 0.");
        var random = new Random(SeedStreams.Derive(seed, TrainingStreams.Initialization, 0));
        var theta = new double[model.ParameterCount];
        foreach (var block in ParameterBlock.Of(model.ParameterNames))
        {
            var deviation = scale / Math.Sqrt(block.FanIn);
            for (var k = block.Offset; k < block.Offset + block.Size; k++)
                theta[k] = deviation * StandardNormal.Draw(random);
        }
        return theta;
    }

    /// <summary>The fan-in <see cref="Normal"/> uses for each coordinate of θ (length d).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static int[] FanIns(ILossModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fanIns = new int[model.ParameterCount];
        foreach (var block in ParameterBlock.Of(model.ParameterNames))
            Array.Fill(fanIns, block.FanIn, block.Offset, block.Size);
        return fanIns;
    }
}
