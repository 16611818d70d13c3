using SgdDsl.Data;
using SgdDsl.Formulas;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// The model a command works on: a compiled one (<c>--model</c>, with its built-in data set and minimum if it has
/// them) or a loss typed on the command line (<c>--loss "…" --params a,b</c>, which needs --data and --at).
/// </summary>
internal sealed record ModelChoice(ILossModel Model, double[][]? Data, double[]? Minimum)
{
    public static ModelChoice Resolve(ModelCatalogue models, string modelName, string? loss, string? parameters)
    {
        if (loss == null)
        {
            if (parameters != null) throw new UsageException("--params: give it together with --loss.");
            var builtIn = models.Find(modelName)
                ?? throw new UsageException($"--model: unknown model '{modelName}'; known models: {models.Names}.");
            return new ModelChoice(builtIn.Model, builtIn.Data, builtIn.Minimum);
        }

        if (string.IsNullOrWhiteSpace(parameters)) throw new UsageException("--params: a --loss needs its trained parameters, e.g. --params a,b.");
        try
        {
            return new ModelChoice(FormulaModel.Create(loss, CommaList.Split(parameters).Where(p => p.Length > 0).ToArray()), null, null);
        }
        catch (InvalidOperationException e)
        {
            // FormulaModel finds the data columns in the text as ASCII names with subscripts spelled as the parser prints
            // them; a name the parser reads otherwise (x[ 0], a non-ASCII letter) is left unbound.
            throw new UsageException($"--loss: {e.Message} It is neither a parameter nor a data column: spell data names with ASCII letters, digits and _, and subscripts without spaces (x[0,1]).");
        }
        catch (FormatException e)
        {
            throw new UsageException($"--loss: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--params: {e.Message}");
        }
    }
}
