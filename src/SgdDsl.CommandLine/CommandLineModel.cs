namespace SgdDsl.CommandLine;

/// <summary>
/// A model the command line offers, optionally with a small data set and a known global minimum of it, so that its
/// commands run without <c>--data</c> and <c>--at</c> (the built-in models of <c>sgd-stability</c> are such entries).
/// </summary>
/// <param name="Model">The model, usually a generated <c>Model</c> property (see <c>SgdDsl.Generated.SgdDslModels.All</c>).</param>
/// <param name="Data">Built-in samples, one row of <see cref="ILossModel.SampleWidth"/> values each; null: commands need <c>--data</c>.</param>
/// <param name="Minimum">A built-in global minimum of <paramref name="Data"/>; null: commands that need a point need <c>--at</c> or <c>--at-file</c>.</param>
/// <param name="Description">One line for <c>models</c>; null: the loss formula.</param>
public sealed record CommandLineModel(ILossModel Model, double[][]? Data = null, double[]? Minimum = null, string? Description = null);
