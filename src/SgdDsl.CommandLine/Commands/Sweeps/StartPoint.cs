namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>
/// One position of a sweep along the manifold: the start θ (all parameters, before Minimize) and what identifies it
/// for a reader: the path variables' values, or the 1-based data line of a --points file.
/// </summary>
internal sealed record StartPoint(double[] Start, IReadOnlyList<(string Name, double Value)> Labels);
