using System.Text.RegularExpressions;
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
        var (s30, s60) = (ChainSize(30), ChainSize(60));
        // Linear growth gives 2×; the code's own loops over the 10-entry w add a little. Printing formulas in full gave
        // 5.8×, and the gradient's formula strings in full (each local's derivative prints the locals before it) 3.3×.
        Assert.True(s60 < 2.5 * s30, $"30 locals: {s30} characters, 60 locals: {s60}");
        // About 2,500 characters per local (a few statements in each of the seven methods); 167 MB at 200 locals once.
        Assert.True(s60 < 60 * 4000, $"60 locals: {s60} characters");
    }

    [Fact]
    public void An_unrolled_recurrence_of_200_locals_generates_modest_code()
    {
        // The shape, 167 MB of C# once. Its Hessian's formula prints every shared subexpression once per use, far
        // longer than the code: doc comments print at most 10⁵ characters of it.
        var size = ChainSize(200);
        Assert.True(size < 200 * 4000, $"200 locals: {size} characters");
    }

    [Fact]
    public void Gradient_formulas_longer_than_the_cap_are_cut_and_say_how_long_they_are()
    {
        var model = GeneratorHarness.BuildCase("[Loss] static double Loss([Param(10)] double[] w, double x, double y) {\nvar h0 = x;\n" +
            string.Join("\n", Enumerable.Range(1, 40).Select(k => $"var h{k} = Tanh(w[{k % 10}] * h{k - 1} + x);")) + "\nreturn 0.5 * Sq(h40 - y);\n}");
        foreach (var formula in model.GradientFormulas.Concat(model.GradientFormulasLatex))
        {
            Assert.Contains(" … (cut: the formula has ", formula);
            Assert.True(formula.Length < 2100, formula[..80]);
        }
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

    private static string Network(string sizes, string parameters, string loss) => GeneratorHarness.Usings +
        $"namespace Cases; [SgdModel] public static partial class Net {{ const int {sizes}; [Loss] static double Loss({parameters}) => {loss}; }}";

    private static string MultiOutputMlp(string sizes) => Network(sizes,
        "[Param(H, D)] double[,] W, [Param(K, H)] double[,] V, [Data(D)] double[] x, [Data(K)] double[] y",
        "0.5 * Sum(K, c => Sq(Sum(H, j => V[c, j] * Math.Tanh(Sum(D, k => W[j, k] * x[k]))) - y[c]))");

    private static string TwoHiddenLayers(string sizes) => Network(sizes,
        "[Param(H, D)] double[,] W, [Param(H, H)] double[,] U, [Param(H)] double[] v, [Data(D)] double[] x, double y",
        "0.5 * Sq(Sum(H, i => v[i] * Tanh(Sum(H, j => U[i, j] * Tanh(Sum(D, k => W[j, k] * x[k]))))) - y)");

    /// <summary>The source with every number (widths, offsets, table lengths) replaced by 0.</summary>
    private static string WithoutNumbers(string source) => Regex.Replace(source, "[0-9]+", "0");

    public static TheoryData<string, string> NetworksAtTwoWidths => new()
    {
        // The benchmark networks (issue 11 §4) beside the same losses at other widths with as many digits (so formulas
        // cut in doc comments are cut at the same place) whose tables take the same storage: stack or pooled is decided
        // by the tables' lengths (at most 1,024 doubles each and 4,096 in all on the stack), which changes declarations.
        { MultiOutputMlp("K = 10, H = 128, D = 784"), MultiOutputMlp("K = 12, H = 100, D = 999") },
        { TwoHiddenLayers("H = 500, D = 64"), TwoHiddenLayers("H = 510, D = 80") },
        // Small widths, every table on the stack.
        { TwoHiddenLayers("H = 3, D = 2"), TwoHiddenLayers("H = 7, D = 5") },
    };

    [Theory]
    [MemberData(nameof(NetworksAtTwoWidths))]
    public void A_network_generates_the_same_code_at_every_width_up_to_its_numbers(string narrow, string wide)
    {
        var (a, b) = (GeneratorHarness.GeneratedSource(narrow), GeneratorHarness.GeneratedSource(wide));
        Assert.Equal(WithoutNumbers(a), WithoutNumbers(b));
    }
}
