using Spectre.Console;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>A progress bar with the remaining time on stderr, shown only on a terminal (never in pipes, files or tests).</summary>
internal static class SweepProgress
{
    public static bool Available(TextWriter error, bool quiet) =>
        !quiet && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    public static void Run(long total, Action<Action> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("sweep", maxValue: total);
                work(() => task.Increment(1));
            });
    }
}
