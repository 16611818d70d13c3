using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// Generated source grows with the loss, not faster: an unrolled recurrence of n locals (each shared by the next, so
/// its printed formulas grow like n²) doubles in size at most about twice when n doubles, because doc comments quote
/// formulas cut to a fixed length. Sizes are counted in characters; nothing is timed.
/// </summary>
public class GeneratedSizeTests
{
    private static int ChainSize(int n)
    {
        var body = "var h0 = x;\n" + string.Join("\n", Enumerable.Range(1, n).Select(k => $"var h{k} = Tanh(w[{k % 10}] * h{k - 1} + x);")) + $"\nreturn 0.5 * Sq(h{n} - y);";
        return GeneratorHarness.GeneratedSource(GeneratorHarness.Usings +
            "namespace Cases; [SgdModel] public static partial class Case { [Loss] static double Loss([Param(10)] double[] w, double x, double y) {\n" + body + "\n} }").Length;
    }

    [Fact]
    public void An_unrolled_recurrence_generates_code_that_grows_about_linearly_with_its_length()
    {
        var (s20, s40) = (ChainSize(20), ChainSize(40));
        // Linear growth gives 2×; the code's own loops over the 10-entry w add a little. Printing formulas in full gave 5.8×.
        Assert.True(s40 < 2.6 * s20, $"20 locals: {s20} characters, 40 locals: {s40}");
    }

    [Fact]
    public void Long_formulas_are_cut_in_doc_comments_and_say_how_long_they_are()
    {
        var text = GeneratorHarness.GeneratedSource(GeneratorHarness.Usings +
            "namespace Cases; [SgdModel] public static partial class Case { [Loss] static double Loss([Param(10)] double[] w, double x, double y) {\nvar h0 = x;\n" +
            string.Join("\n", Enumerable.Range(1, 30).Select(k => $"var h{k} = Tanh(w[{k % 10}] * h{k - 1} + x);")) + "\nreturn 0.5 * Sq(h30 - y);\n} }");
        var docLines = text.Split('\n').Where(l => l.TrimStart().StartsWith("/// <br/>", StringComparison.Ordinal)).ToArray();
        Assert.Contains(docLines, l => l.Contains("(cut: the formula has "));
        Assert.All(docLines, l => Assert.True(l.Trim().Length < 500, l[..80]));
    }
}
