using SgdDsl.Cli.BuiltIn;
using SgdDsl.CommandLine;

namespace SgdDsl.Cli;

/// <summary>The <c>sgd-stability</c> tool: the SgdDsl command line on the built-in models; with no arguments it analyses the first.</summary>
internal static class CommandLineApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        SgdCommandLine.Run(args, BuiltInModels.All, output, error);
}
