using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>The pipeline caches by value: edits that do not touch a loss redo no differentiation.</summary>
public class IncrementalTests
{
    private const string ModelSource = GeneratorHarness.Usings + """
        [SgdModel]
        public static partial class M
        {
            [Loss]
            static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * Sq(a * b * x - y);
        }
        """;

    private static readonly string[] TrackedSteps = [SgdModelGenerator.ParseStep, SgdModelGenerator.SpecStep];

    [Fact]
    public void An_unrelated_new_file_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.Compile(ModelSource);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", new CSharpParseOptions(LanguageVersion.Preview)));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Parsing may re-run against the new compilation, but must produce an equal result ...
        Assert.All(run.TrackedSteps[SgdModelGenerator.ParseStep].SelectMany(s => s.Outputs),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        // ... so nothing after it runs again: no differentiation, no emission.
        AssertEverythingAfterParsingIsCached(run);
    }

    private static void AssertEverythingAfterParsingIsCached(GeneratorRunResult run)
    {
        Assert.All(run.TrackedSteps[SgdModelGenerator.SpecStep].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_comment_added_to_the_model_file_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(ModelSource);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(ModelSource + "\n// a comment\n")));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEverythingAfterParsingIsCached(run);
    }

    [Fact]
    public void Editing_the_loss_regenerates_the_model()
    {
        var compilation = GeneratorHarness.Compile(ModelSource);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(ModelSource.Replace("0.5 *", "0.25 *"))));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var spec = Assert.Single(run.TrackedSteps[SgdModelGenerator.SpecStep].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, spec.Reason);
        Assert.Contains("0.25", Assert.Single(run.GeneratedSources, s => s.HintName != "SgdDsl.Generated.SgdDslModels.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Editing_one_loss_regenerates_only_that_model()
    {
        const string other = GeneratorHarness.Usings + """
            [SgdModel]
            public static partial class Other
            {
                [Loss]
                static double Loss([Param] double w, double x, double y) => Sq(w * x - y);
            }
            """;
        var compilation = GeneratorHarness.Compile(ModelSource, other);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(ModelSource.Replace("0.5 *", "0.25 *"))));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = run.TrackedSteps[SgdModelGenerator.SpecStep].SelectMany(s => s.Outputs)
            .Select(o => (Name: (string)o.Value!.GetType().GetProperty("ClassName")!.GetValue(o.Value)!, o.Reason)).ToList();
        Assert.Contains(("M", IncrementalStepRunReason.Modified), reasons);
        Assert.Contains(("Other", IncrementalStepRunReason.Cached), reasons);
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_or_syntax_node()
    {
        var run = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(ModelSource)).GetRunResult().Results.Single();
        foreach (var step in TrackedSteps)
            foreach (var output in run.TrackedSteps[step].SelectMany(s => s.Outputs))
                AssertNoRoslynObjects(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance), step);
    }

    private static void AssertNoRoslynObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertNoRoslynObjects(item, seen, $"{path}[{i++}]");
        }

        for (var type = value.GetType(); type != null; type = type.BaseType)
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                AssertNoRoslynObjects(field.GetValue(value), seen, $"{path}.{field.Name}");
    }
}
