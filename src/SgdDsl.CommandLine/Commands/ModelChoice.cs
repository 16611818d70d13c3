using SgdDsl.Data;
using SgdDsl.Formulas;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// The model a command works on: a compiled one (<c>--model</c>, with its built-in data set and minimum if it has
/// them) or a loss typed on the command line (<c>--loss "…" --params a,b</c> or <c>--params "W[16,4],v[16]"</c> for arrays, which needs --data and
/// --at). A mistake in the formula or in a subscript against a declared shape is a --loss error, one in the list a --params error.
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
