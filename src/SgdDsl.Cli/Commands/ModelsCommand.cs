using System.CommandLine;
using System.Text.Json;
using SgdDsl.Cli.BuiltIn;

namespace SgdDsl.Cli.Commands;

/// <summary><c>sgd-stability models</c>: the compiled models, their parameters and data columns.</summary>
internal static class ModelsCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "One JSON array of {name, loss, parameters, data, minimum, samples}." };
        var command = new Command("models", "List the compiled models with their parameters and data columns.\n\nExample: sgd-stability models --json") { json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(BuiltInModels.All.Select(m => new
                {
                    name = m.Model.Name,
                    loss = m.Model.LossFormula,
                    parameters = m.Model.ParameterNames,
                    data = m.Model.SampleNames,
                    minimum = m.Minimum,
                    samples = m.Data.Length,
                }), new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Ok;
            }

            foreach (var m in BuiltInModels.All)
            {
                output.WriteLine($"{m.Model.Name}: {m.Description}");
                output.WriteLine($"  loss        ℓ = {m.Model.LossFormula}");
                output.WriteLine($"  parameters  {string.Join(", ", m.Model.ParameterNames)}  (built-in minimum {string.Join(", ", m.Minimum)})");
                output.WriteLine($"  data        {string.Join(", ", m.Model.SampleNames)}  (built-in: {m.Data.Length} samples)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
