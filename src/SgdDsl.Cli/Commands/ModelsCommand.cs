using System.CommandLine;
using SgdDsl.Cli.BuiltIn;

namespace SgdDsl.Cli.Commands;

/// <summary><c>sgd-stability models</c>: the compiled models, their parameters and data columns.</summary>
internal static class ModelsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("models", "List the compiled models with their parameters and data columns.");
        command.SetAction(_ =>
        {
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
