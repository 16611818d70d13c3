using Spectre.Console;

namespace SgdDsl.CommandLine.Commands;

/// <summary>A progress bar with the remaining time on stderr, shown only on a terminal (never in pipes, files or tests).</summary>
internal static class ConsoleProgress
{
    public static bool Available(TextWriter error, bool quiet) =>
        !quiet && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with one bar named <paramref name="name"/> of <paramref name="total"/> units.</summary>
    public static void Run(string name, long total, Action<ProgressTask> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(context.AddTask(name, maxValue: total)));
    }
}
