using SgdDsl.CommandLine;

namespace SgdDsl.Cli.BuiltIn;

/// <summary>The models compiled into the tool, each with a small data set and a known global minimum of it, for trying the CLI without files; the first is the default of the main job.</summary>
internal static class BuiltInModels
{
    public static IReadOnlyList<CommandLineModel> All { get; } =
    [
        // y = x, so the minima are a·b = 1; (1, 1) is its most symmetric point.
        new(ProductModel.Model, [[0.9, 0.9], [2.5, 2.5]], [1.0, 1.0],
            "ℓ = ½(a·b·x − y)², minima on the hyperbola a·b = 1"),
        // Both rows are fitted exactly by (a, b, c) = (1, 0.5, 0): 1 = 1·1 and 0.3 + 0.5 = 0.8.
        new(LinearRegression.Model, [[1.0, 0.0, 0.5, 1.0], [0.3, 1.0, 0.0, 0.8]], [1.0, 0.5, 0.0],
            "least squares, 3 weights and 2 samples: a line of minima"),
        new(DeepChain.Model, [[0.5, 0.5], [1.5, 1.5]], [1.0, 1.0, 1.0],
            "ℓ = ½(w1·w2·w3·x − y)², minima on the surface w1·w2·w3 = 1"),
        // y = (x, x/2): a·w_0 = 1 and a·w_1 = ½, a curve of minima through (1, 1, ½).
        new(TwoOutputScaling.Model, [[1.0, 1.0, 0.5], [2.0, 2.0, 1.0]], [1.0, 1.0, 0.5],
            "ℓ = ½ Σ_c (a·w_c·x − y_c)², two outputs (K = 2), minima on the curve a·w = (1, ½)"),
    ];
}
