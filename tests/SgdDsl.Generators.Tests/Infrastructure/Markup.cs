using Microsoft.CodeAnalysis.Text;

namespace SgdDsl.Generators.Tests.Infrastructure;

/// <summary>Source text with one span marked as [|…|], as in Roslyn's own tests.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ArgumentException("Mark the expected span with [| and |].", nameof(marked));
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
