using System.CommandLine;
using System.CommandLine.Parsing;

namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// File flags and arguments: an empty or blank name is a usage error that names the flag (System.CommandLine would
/// otherwise hand a command null, or say it cannot make a FileInfo).
/// </summary>
internal static class FileOption
{
    public static Option<FileInfo?> Optional(string name, string description) =>
        new(name) { Description = description, CustomParser = r => Parse(r, name) };

    public static Option<FileInfo> Required(string name, string alias, string description) =>
        new(name, alias) { Description = description, Required = true, CustomParser = r => Parse(r, name)! };

    public static Argument<FileInfo> One(string name, string description) =>
        new(name) { Description = description, CustomParser = r => Parse(r, name)! };

    public static Argument<FileInfo[]> OneOrMore(string name, string description) =>
        new(name)
        {
            Description = description,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = r => r.Tokens.Select((t, k) => Named(r, $"{name} (argument {k + 1})", t.Value)).OfType<FileInfo>().ToArray(),
        };

    private static FileInfo? Parse(ArgumentResult result, string name) =>
        Named(result, name, result.Tokens.Count > 0 ? result.Tokens[^1].Value : "");

    private static FileInfo? Named(ArgumentResult result, string name, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            result.AddError($"{name}: the file name is empty.");
            return null;
        }
        try
        {
            return new FileInfo(text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            result.AddError($"{name}: '{SgdDsl.Data.Excerpt.Of(text)}' is not a file name ({e.Message}).");
            return null;
        }
    }
}
