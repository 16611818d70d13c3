using System.CommandLine;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// --max-steps (analyze, sweep): the most Monte Carlo steps an undecided λ estimate may extend itself to, ≥ 0;
/// absent, the runtime's default.
/// </summary>
internal sealed class MonteCarloBudget(string description)
{
    public readonly Option<long?> MaxSteps = NumberOption.OptionalLong("--max-steps", description);

    public long? Resolve(ParseResult parse)
    {
        var maxSteps = parse.GetValue(MaxSteps);
        if (maxSteps is < 0) throw new UsageException($"--max-steps: the budget must be ≥ 0, not {maxSteps}.");
        return maxSteps;
    }
}
