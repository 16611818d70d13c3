namespace SgdDsl.Data;

/// <summary>What an error message quotes of a bad value: the value itself when short, else its start and its length.</summary>
internal static class Excerpt
{
    /// <summary>The longest value quoted whole; a longer one (a 200 MB line, say) is cut to this many characters.</summary>
    public const int MaxLength = 40;

    public static string Of(string text) =>
        text.Length <= MaxLength ? text : $"{text[..MaxLength]}… ({text.Length} characters)";
}
