namespace SgdDsl.Data;

/// <summary>
/// Splits a comma-separated list at the commas outside square brackets, so the flattened names of matrix entries
/// (<c>W[0,1]</c>) stay whole: CSV headers and rows, <c>--params</c>, <c>--at</c>, <c>--points</c>. Fields are trimmed.
/// </summary>
internal static class CommaList
{
    public static string[] Split(string text)
    {
        var fields = new List<string>();
        var depth = 0;
        var start = 0;
        for (var k = 0; k < text.Length; k++)
        {
            switch (text[k])
            {
                case '[':
                    depth++;
                    break;
                case ']' when depth > 0:
                    depth--;
                    break;
                case ',' when depth == 0:
                    fields.Add(text[start..k].Trim());
                    start = k + 1;
                    break;
            }
        }
        fields.Add(text[start..].Trim());
        return fields.ToArray();
    }
}
