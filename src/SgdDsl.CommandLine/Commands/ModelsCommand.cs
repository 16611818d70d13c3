using System.CommandLine;
using System.Text.Json;

namespace SgdDsl.CommandLine.Commands;

/// <summary><c>models</c>: the models this command line knows, their parameters and data columns.</summary>
internal static class ModelsCommand
{
    public static Command Create(TextWriter output, ModelCatalogue models)
    {
        var json = new Option<bool>("--json") { Description = "One JSON array of {name, loss, parameters, data, minimum, samples} (minimum and samples null when a model has no built-in data)." };
        var command = new Command("models", "List the compiled models with their parameters and data columns.\n\nExample: sgd-stability models --json") { json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(models.All.Select(m => new
                {
                    name = m.Model.Name,
                    loss = m.Model.LossFormula,
                    parameters = m.Model.ParameterNames,
                    data = m.Model.SampleNames,
                    minimum = m.Minimum,
                    samples = m.Data?.Length,
                }), new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Ok;
            }

            foreach (var m in models.All)
            {
                output.WriteLine($"{m.Model.Name}: {m.Description ?? $"d = {m.Model.ParameterCount} parameters, {m.Model.SampleWidth} values per sample"}");
                output.WriteLine($"  loss        ℓ = {m.Model.LossFormula}");
                output.WriteLine($"  parameters  {Names(m.Model.ParameterNames)}" + (m.Minimum is null ? "" : $"  (built-in minimum {string.Join(", ", m.Minimum)})"));
                output.WriteLine($"  data        {Names(m.Model.SampleNames)}" + (m.Data is null ? "  (no built-in data: give --data)" : $"  (built-in: {m.Data.Length} samples)"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A network's thousands of flattened names would bury the listing: the first and last few stand for them.</summary>
    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 12 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(6))}, …, {string.Join(", ", names.TakeLast(3))} ({names.Count})";
}
