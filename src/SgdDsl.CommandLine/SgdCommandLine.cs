using System.CommandLine;
using SgdDsl.CommandLine.Commands;

namespace SgdDsl.CommandLine;

/// <summary>
/// The command line of SgdDsl (analyze, train, simulate, sweep, merge, plot, models) for any set of models: the
/// <c>sgd-stability</c> tool runs it on its built-in models, and a user's console project on its own with
/// <c>return SgdCommandLine.Run(args, SgdDsl.Generated.SgdDslModels.All);</c>. With no arguments it analyses the first
/// model. Every failure ends here, as a message on stderr and an exit code from <see cref="ExitCodes"/>.
/// </summary>
public static class SgdCommandLine
{
    /// <summary>Runs the command line on <paramref name="models"/> (their data and points come from --data and --at), writing to the console.</summary>
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, IReadOnlyList<ILossModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return Run(args, models.Select(m => new CommandLineModel(m)).ToList(), Console.Out, Console.Error);
    }

    /// <summary>Runs the command line on <paramref name="models"/>, some perhaps with built-in data and minima, writing to the given streams.</summary>
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, IReadOnlyList<CommandLineModel> models, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var catalogue = new ModelCatalogue(models);
        var analyze = new AnalyzeCommand(output, catalogue);
        var root = new RootCommand("Which global minima can GD and SGD converge to? (Chemnitz & Engel, JMLR 2025)")
        {
            analyze.Command,
            ModelsCommand.Create(output, catalogue),
            new PlotCommand(output).Command,
            new TrainCommand(output, error, catalogue).Command,
            new SimulateCommand(output, catalogue).Command,
            new SweepCommand(output, error, catalogue).Command,
            new MergeCommand(output, error).Command,
        };
        root.SetAction(parse => analyze.Run(parse));
        var verbose = new Option<bool>("--verbose") { Description = "On an unexpected failure, print the stack trace too.", Recursive = true };
        root.Options.Add(verbose);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0) return Usage(parse, error, string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message)));
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            return Usage(parse, error, e.Message);
        }
        catch (DataException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.DataError;
        }
        catch (NotAMinimumException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine("Give a point on the minimum manifold with --at, or add --minimize to move to a nearby one first.");
            return ExitCodes.NotAMinimum;
        }
        catch (OutputException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.CannotWrite;
        }
        catch (ArithmeticException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.NotFinite;
        }
        catch (Exception e)
        {
            // A bug or an unforeseen environment failure: one readable line, the stack only when asked for.
            error.WriteLine($"error: unexpected failure ({e.GetType().Name}): {e.Message}");
            error.WriteLine(parse.GetValue(verbose) ? e.ToString() : "Run again with --verbose for the stack trace, and please report it.");
            return ExitCodes.Failure;
        }
    }

    private static int Usage(ParseResult parse, TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        error.WriteLine();
        var path = new List<string>();
        for (var c = parse.CommandResult; c != null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            if (c.Command is not RootCommand) path.Insert(0, c.Command.Name);
        path.Add("--help");
        parse.RootCommandResult.Command.Parse(path).Invoke(new InvocationConfiguration { Output = error });
        return ExitCodes.Usage;
    }
}
