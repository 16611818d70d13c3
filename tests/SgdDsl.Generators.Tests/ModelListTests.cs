using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SgdDsl.Generators.Tests.Infrastructure;

namespace SgdDsl.Generators.Tests;

/// <summary>SgdDsl.Generated.SgdDslModels.All: one list per assembly of every model code can name.</summary>
public class ModelListTests
{
    private const string Models = GeneratorHarness.Usings + """
        namespace Zoo
        {
            [SgdModel]
            public static partial class Zebra
            {
                [Loss] static double Loss([Param] double w, double x, double y) => Sq(w * x - y);
            }

            [SgdModel]
            internal static partial class Ant
            {
                [Loss] static double Loss([Param] double a, [Param] double b, double x, double y) => 0.5 * Sq(a * b * x - y);
            }

            public static partial class Outer
            {
                [SgdModel]
                internal static partial class Nested
                {
                    [Loss] static double Loss([Param] double w, double x) => Sq(w * x);
                }

                [SgdModel]
                private static partial class Hidden
                {
                    [Loss] static double Loss([Param] double w, double x) => Sq(w * x);
                }
            }
        }
        """;

    [Fact]
    public void All_lists_every_reachable_model_once_in_the_order_of_qualified_names()
    {
        var type = GeneratorHarness.Load(Models, "SgdDsl.Generated.SgdDslModels");
        var all = (IReadOnlyList<ILossModel>)type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        // Zoo.Ant < Zoo.Outer.Nested < Zoo.Zebra (ordinal); the private nested Hidden cannot be named outside Outer.
        Assert.Equal(["Ant", "Nested", "Zebra"], all.Select(m => m.Name));
        Assert.Equal([2, 1, 1], all.Select(m => m.ParameterCount));
        Assert.False(type.IsPublic, "each assembly's list is internal, so lists of referenced assemblies never collide");
    }

    [Fact]
    public void An_assembly_without_models_gets_no_list()
    {
        var (_, _, run) = GeneratorHarness.Run(GeneratorHarness.Usings + "public static class Plain { }");
        Assert.Null(GeneratorHarness.ModelList(run));
    }

    [Fact]
    public void Editing_a_loss_leaves_the_list_cached()
    {
        var compilation = GeneratorHarness.Compile(Models);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Models.Replace("0.5 *", "0.25 *"))));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var list = Assert.Single(run.TrackedSteps[SgdModelGenerator.ModelListStep].SelectMany(s => s.Outputs));
        Assert.Contains(list.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
    }

    [Fact]
    public void Adding_a_model_adds_it_to_the_list()
    {
        var compilation = GeneratorHarness.Compile(Models);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(GeneratorHarness.Usings + """
            [SgdModel]
            public static partial class Bee
            {
                [Loss] static double Loss([Param] double w, double x, double y) => Sq(w * x - y);
            }
            """, new CSharpParseOptions(LanguageVersion.Preview)));
        var list = GeneratorHarness.ModelList(driver.RunGenerators(added).GetRunResult());

        Assert.NotNull(list);
        Assert.Contains("global::Bee.Model,", list);
        Assert.True(list.IndexOf("global::Bee.Model", StringComparison.Ordinal) < list.IndexOf("global::Zoo.Ant.Model", StringComparison.Ordinal));
    }
}
