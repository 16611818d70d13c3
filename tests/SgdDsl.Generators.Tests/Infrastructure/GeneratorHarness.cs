using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SgdDsl.Generators;

namespace SgdDsl.Generators.Tests.Infrastructure;

/// <summary>Runs the SgdDsl generator on source text in memory, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(ILossModel).Assembly.Location))
            .ToImmutableArray();
    });

    public const string Usings = "using System;\nusing SgdDsl;\nusing static SgdDsl.Dsl;\n";

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Models" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Model{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new SgdModelGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator and the SgdDsl analyzer as a build does; returns the output compilation and
    /// the SGD diagnostics of both (the analyzer's carry real source locations).
    /// </summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run) Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = AnalyzerDiagnostics(compilation);
        return (output, generatorDiagnostics.AddRange(analyzerDiagnostics), driver.GetRunResult());
    }

    /// <summary>The diagnostics the SgdDsl analyzer reports on <paramref name="compilation"/>, after #pragma and severity filtering.</summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation, AnalyzerOptions? options = null) =>
        compilation.WithAnalyzers([new SgdModelAnalyzer()], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>The generated source of the only model in <paramref name="source"/>.</summary>
    public static string GeneratedSource(string source)
    {
        var (_, diagnostics, run) = Run(source);
        AssertNoErrors(diagnostics);
        return Assert.Single(ModelTrees(run)).GetText().ToString();
    }

    /// <summary>The generated files of the models themselves, without the assembly's one list of them (SgdDslModels).</summary>
    public static IEnumerable<SyntaxTree> ModelTrees(GeneratorDriverRunResult run) =>
        run.GeneratedTrees.Where(t => !t.FilePath.EndsWith(ModelListHint, StringComparison.Ordinal));

    /// <summary>The generated file of SgdDslModels, or null when the assembly has none.</summary>
    public static string? ModelList(GeneratorDriverRunResult run) =>
        run.GeneratedTrees.SingleOrDefault(t => t.FilePath.EndsWith(ModelListHint, StringComparison.Ordinal))?.GetText().ToString();

    private const string ModelListHint = "SgdDsl.Generated.SgdDslModels.g.cs";

    /// <summary>Generates, compiles without errors, loads, and returns the model's type.</summary>
    public static Type Load(string source, string typeName)
    {
        var (output, diagnostics, _) = Run(source);
        AssertNoErrors(diagnostics);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var assembly = Assembly.Load(stream.ToArray());
        return assembly.GetType(typeName, throwOnError: true)!;
    }

    /// <summary>Warnings and infos (SGD0014–SGD0017) describe the loss; only errors stop generation.</summary>
    private static void AssertNoErrors(ImmutableArray<Diagnostic> diagnostics) =>
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The model of a <c>[SgdModel] public static partial class Case</c> with the given members, compiled and loaded.</summary>
    public static ILossModel BuildCase(string members) =>
        ModelOf(Load(Usings + $$"""
            [SgdModel]
            public static partial class Case
            {
            {{members}}
            }
            """, "Case"));

    /// <summary>The generated <c>Model</c> of a loaded model type.</summary>
    public static ILossModel ModelOf(Type type) =>
        (ILossModel)type.GetProperty("Model", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
