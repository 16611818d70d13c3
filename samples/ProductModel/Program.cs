// The product model ℓ = ½(a·b·x − y)² with data y = x: its global minima are the hyperbola a·b = 1.
// THEORY.md: the single normal curvature of sample i is x_i²(a² + b²), so how stable a minimum is
// depends on where on the hyperbola it sits. This sample walks along it and prints full reports.
using ProductModelSample;
using SgdDsl;
using SgdDsl.Rendering;

var data = Dataset.FromRows([[0.9, 0.9], [2.5, 2.5]]);
var options = new StabilityOptions { LearningRate = 0.15, BatchSize = 1 };

// A start off the manifold, brought to a nearby minimum first.
var found = Stability.Minimize(ProductModel.Model, data, [1.3, 0.9]);
Console.WriteLine($"Minimize moved (1.3, 0.9) by {found.DistanceMoved:G3} to a = {found.Point[0]:G6}, b = {found.Point[1]:G6} (a·b = {found.Point[0] * found.Point[1]:G12}).");
Console.WriteLine();

foreach (var a in new[] { 1.0, 0.5, 0.35 })
{
    var report = Stability.Analyze(ProductModel.Model, data, [a, 1 / a], options);
    Console.WriteLine(TextReport.Render(report));
}
