using System.CommandLine;
using System.Globalization;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// The one SGD step analyze and simulate take: --eta (η &gt; 0, finite) and --batch (1 ≤ B ≤ N), spelled and
/// checked the same way. Sweeps take lists of both instead (<see cref="Sweeps.GridSpec"/>).
/// </summary>
internal sealed class StepInputs
{
    public readonly Option<double> Eta = NumberOption.Real("--eta", "Learning rate η > 0.", AnalyzeCommand.DefaultLearningRate);
    public readonly Option<int> Batch = NumberOption.Whole("--batch", "Batch size B, 1 ≤ B ≤ N.", AnalyzeCommand.DefaultBatchSize);

    public IEnumerable<Option> All => [Eta, Batch];

    /// <summary>Reads η and B; B is checked against the <paramref name="data"/>'s sample count N.</summary>
    public (double LearningRate, int BatchSize) Resolve(ParseResult parse, Dataset data)
    {
        var (eta, batch) = (parse.GetValue(Eta), parse.GetValue(Batch));
        if (!(eta > 0) || !double.IsFinite(eta))
            throw new UsageException($"--eta: the learning rate must be positive and finite, not {eta.ToString(CultureInfo.InvariantCulture)}.");
        if (batch < 1 || batch > data.Count)
            throw new UsageException($"--batch: the batch size must be between 1 and N = {data.Count}, not {batch}.");
        return (eta, batch);
    }
}
