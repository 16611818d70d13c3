using System.CommandLine;
using SgdDsl.Cli.Commands;

namespace SgdDsl.Cli;

/// <summary>
/// The <c>sgd-stability</c> command line: with no arguments it analyses the built-in default.
/// Every failure ends here, as a message on stderr and an exit code from <see cref="ExitCodes"/>.
/// </summary>
internal static class CommandLineApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var analyze = new AnalyzeCommand(output);
        var root = new RootCommand("sgd-stability: which global minima can GD and SGD converge to? (Chemnitz & Engel, JMLR 2025)")
        {
            analyze.Command,
            ModelsCommand.Create(output),
            new PlotCommand(output).Command,
            new SimulateCommand(output).Command,
            new SweepCommand(output, error).Command,
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
