using SgdDsl.Cli;

namespace SgdDsl.Tests.Cli;

/// <summary>Runs the CLI in process with captured output streams.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLineApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
