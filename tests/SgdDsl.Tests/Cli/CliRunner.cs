using SgdDsl.Cli;
using SgdDsl.CommandLine;

namespace SgdDsl.Tests.Cli;

/// <summary>Runs the CLI in process with captured output streams: the sgd-stability tool, or the command line hosting given models.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) =>
        Capture((output, error) => CommandLineApp.Run(args, output, error));

    public static (int ExitCode, string Output, string Error) RunHosted(IReadOnlyList<ILossModel> models, params string[] args) =>
        Capture((output, error) => SgdCommandLine.Run(args, models.Select(m => new CommandLineModel(m)).ToList(), output, error));

    private static (int ExitCode, string Output, string Error) Capture(Func<TextWriter, TextWriter, int> run)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = run(output, error);
        return (code, output.ToString(), error.ToString());
    }
}
