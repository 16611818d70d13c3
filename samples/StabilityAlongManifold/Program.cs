// The product model ℓ = ½(a·b·x − y)² with x = (0.9, 2.5), y = x, η = 0.15, B = 1: its minima are the hyperbola
// a·b = 1, and (THEORY.md) the normal curvature of sample i there is x_i²(a² + b²). So μ and λ change along the
// hyperbola, and the sets where GD and SGD can converge are different. This sample draws μ and λ against a and
// prints where each stable set begins and ends.
//
//   dotnet run --project samples/StabilityAlongManifold [-- OUTPUT.png|OUTPUT.svg]
using System.Globalization;
using SgdDsl;
using SgdDsl.Plots;
using StabilityAlongManifold;

var output = args.Length > 0 ? args[0] : "stability-along-manifold.png";
var gd = ManifoldScan.GdStable();
var sgd = ManifoldScan.SgdStable();

var points = ManifoldScan.Positions(241).Select(a => ExponentPoint.Of(a, ManifoldScan.At(a))).ToArray();

StabilityPlots.Exponents(new ExponentCurve
{
    Points = points,
    Title = "μ and λ along the minima a·b = 1 of ½(a·b·x − y)², x = (0.9, 2.5), η = 0.15, B = 1",
    XLabel = "a, position on the hyperbola (b = 1/a; parameter units, log scale)",
    LogX = true,
    StableSpans = [.. gd.Select(s => new StableSpan(s.Start, s.End, Sgd: false)), .. sgd.Select(s => new StableSpan(s.Start, s.End, Sgd: true))],
}, output, 1300, 650);

Console.WriteLine("Product model ½(a·b·x − y)², x = (0.9, 2.5), y = x, η = 0.15, B = 1, minima (a, 1/a), a in [0.25, 4]:");
Console.WriteLine("  GD-stable  (μ < 0) for a in " + Describe(gd));
Console.WriteLine("  SGD-stable (λ < 0) for a in " + Describe(sgd));
Console.WriteLine($"Picture: {Path.GetFullPath(output)}");

static string Describe(IReadOnlyList<StableSet> sets) =>
    sets.Count == 0 ? "nowhere" : string.Join(" ∪ ", sets.Select(s => $"({N(s.Start)}, {N(s.End)})"));

static string N(double x) => x.ToString("0.#####", CultureInfo.InvariantCulture);
