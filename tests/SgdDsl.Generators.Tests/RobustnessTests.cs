using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>
/// The generator never breaks a build: thousands of malformed and mutated declarations yield SGD
/// diagnostics or clean output, never a generator failure (CS8785) or an analyzer crash (AD0001).
/// </summary>
public class RobustnessTests
{
    private static readonly string[] Seeds =
    [
        "[SgdModel] public static partial class M { [Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * Sq(a * b * x - y); }",
        "[SgdModel] public static partial class M { const int H = 3, D = 2; [Loss] static double Loss([Param(H, D)] double[,] W, [Param(H)] double[] v, [Data(D)] double[] x, double y) => 0.5 * Sq(Sum(H, j => v[j] * Tanh(Sum(D, k => W[j, k] * x[k]))) - y); }",
        "[SgdModel] public static partial class M { [ExpectDerivative(\"a\", \"2*a\")] [Loss] static double Loss([Param] double a, [Param(3)] double[] w, [Data(3)] double[] z) { var s = Dot(w, z); return Sq(a) + Prod(3, i => 1 + Sq(w[i])) * Math.Exp(s / 2) + Math.Log(1 + a * a, 2); } }",
    ];

    private static readonly string[] Pool =
    [
        "(", ")", "[", "]", "{", "}", ";", ",", "=>", "+", "-", "*", "/", "%", "?", ":", "a", "b", "x", "W", "j", "k", "Sum", "Prod", "Dot",
        "Sq", "Math.Exp", "1e308", "1e-320", "0", "-1", "2147483647", "int", "double", "var", "return", "static", "partial", "[Param]",
        "[Data(3)]", "[Loss]", "ref", "new", "default", "checked", "αβγ", "ℓ", "\"s\"", "null", "this", "typeof(int)", "!", "==", "<", "@double",
    ];

    [Fact]
    public void Thousands_of_mutated_models_produce_diagnostics_not_crashes()
    {
        var random = new Random(424242);
        var variants = new List<string>();
        for (var i = 0; i < 1500; i++) variants.Add(Mutate(Seeds[i % Seeds.Length], random, 1 + i % 4));
        variants.AddRange(Extremes());

        var failures = new ConcurrentBag<string>();
        var baseCompilation = GeneratorHarness.Compile("class Placeholder { }");
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        Parallel.ForEach(variants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, variant =>
        {
            var source = GeneratorHarness.Usings + variant;
            var compilation = baseCompilation.ReplaceSyntaxTree(baseCompilation.SyntaxTrees[0], CSharpSyntaxTree.ParseText(source, parse, "Model0.cs"));
            var run = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult();
            foreach (var d in run.Diagnostics.Where(d => d.Id == "CS8785"))
                failures.Add($"CS8785 {d.GetMessage()} in: {variant}");
            if (run.Results.Any(r => r.Exception != null))
                failures.Add($"generator exception in: {variant}");

            var analyzerOptions = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
                (e, _, _) => failures.Add($"AD0001 {e.GetType().Name}: {e.Message} in: {variant}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = compilation.WithAnalyzers([new SgdModelAnalyzer()], analyzerOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            foreach (var d in diagnostics.Where(d => d.Id == "AD0001" || !d.Id.StartsWith("SGD", StringComparison.Ordinal)))
                failures.Add($"{d.Id} {d.GetMessage()} in: {variant}");
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
    }

    /// <summary>Deep nesting, long flat sums, huge and tiny literals, unicode names, missing bodies.</summary>
    private static IEnumerable<string> Extremes()
    {
        string Model(string parameters, string body) => $"[SgdModel] public static partial class M {{ [Loss] static double Loss({parameters}) {body} }}";
        yield return Model("[Param] double a", "=> " + string.Concat(Enumerable.Repeat("Sq(", 400)) + "a" + new string(')', 400) + ";");
        yield return Model("[Param] double a", "=> " + new string('(', 3000) + "a" + new string(')', 3000) + ";");
        yield return Model("[Param] double a", "=> " + string.Join(" + ", Enumerable.Repeat("a * a", 5000)) + ";");
        yield return Model("[Param] double a", "=> 1e308 * 1e308 * a * a + 4.9e-324 * a;");
        yield return Model("[Param] double α, double ξ", "=> Sq(α * ξ - 1);");
        yield return Model("[Param] double a", ";");
        yield return Model("[Param] double a", "{ }");
        yield return Model("[Param(100000, 100000)] double[,] W", "=> W[0, 0] * W[0, 0];");
        yield return Model("[Param(3)] double[] w", "=> Sum(3, i => Sum(3, j => Sum(3, k => Sum(3, l => w[i] * w[j] * w[k] * w[l]))));");
        yield return "[SgdModel] public static partial class M { [Loss] static double Loss([Param] double a) => Loss(a); }";
        yield return "[SgdModel] public static partial class M<T> where T : struct { }";
        yield return "[SgdModel] partial class";
    }

    private static string Mutate(string source, Random random, int edits)
    {
        var tokens = SyntaxFactory.ParseTokens(source).Select(t => t.ToFullString()).Where(t => t.Length > 0).ToList();
        for (var e = 0; e < edits && tokens.Count > 1; e++)
        {
            var at = random.Next(tokens.Count);
            switch (random.Next(4))
            {
                case 0: tokens.RemoveAt(at); break;
                case 1: tokens.Insert(at, Pool[random.Next(Pool.Length)] + " "); break;
                case 2: tokens[at] = Pool[random.Next(Pool.Length)] + " "; break;
                default:
                    var other = random.Next(tokens.Count);
                    (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                    break;
            }
        }

        return string.Concat(tokens);
    }
}
