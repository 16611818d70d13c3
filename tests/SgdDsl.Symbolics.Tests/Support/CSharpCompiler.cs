using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SgdDsl.Symbolics.Tests.Support;

/// <summary>
/// Compiles C# method bodies printed by <see cref="CSharpPrinter"/> with Roslyn and returns them as
/// delegates, so tests can prove that the printed text is C# that computes the expression's value.
/// </summary>
internal static class CSharpCompiler
{
    /// <summary>The helpers generated code calls, with the same bodies as src/SgdDsl/Dsl/Dsl.cs.</summary>
    private const string DslSource = """
        namespace SgdDsl
        {
            public static class Dsl
            {
                public static double Sq(double x) => x * x;
                public static double Cube(double x) => x * x * x;
                public static double Sigmoid(double x) =>
                    x >= 0 ? 1.0 / (1.0 + System.Math.Exp(-x)) : System.Math.Exp(x) / (1.0 + System.Math.Exp(x));
                public static double Softplus(double x) =>
                    System.Math.Max(x, 0.0) + System.Math.Log(1.0 + System.Math.Exp(-System.Math.Abs(x)));
                public static double LogCosh(double x)
                {
                    var a = System.Math.Abs(x);
                    return a + System.Math.Log(1.0 + System.Math.Exp(-2.0 * a)) - System.Math.Log(2.0);
                }
            }
        }
        """;

    /// <summary>
    /// Compiles one method per body; each method reads the <paramref name="parameters"/> from its
    /// argument array in order. Throws with the compiler's diagnostics if any body is not valid C#.
    /// </summary>
    public static Func<double[], double>[] Compile(IReadOnlyList<string> parameters, IReadOnlyList<string> bodies)
    {
        var source = new StringBuilder(DslSource).AppendLine().AppendLine("public static class Programs").AppendLine("{");
        var locals = string.Join(", ", parameters.Select((p, i) => $"{p} = v[{i}]"));
        for (var i = 0; i < bodies.Count; i++)
        {
            source.AppendLine($"    public static double F{i}(double[] v)").AppendLine("    {");
            if (parameters.Count > 0) source.AppendLine($"        double {locals};");
            source.AppendLine(bodies[i]).AppendLine("    }");
        }

        source.AppendLine("}");
        var text = source.ToString();
        var compilation = CSharpCompilation.Create(
            "Printed" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(text)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("Printed C# does not compile:\n" + string.Join("\n", errors) + "\n" + text);
        }

        var programs = Assembly.Load(image.ToArray()).GetType("Programs")!;
        return Enumerable.Range(0, bodies.Count)
            .Select(i => programs.GetMethod("F" + i)!.CreateDelegate<Func<double[], double>>())
            .ToArray();
    }

    /// <summary>
    /// The body the source generator writes for <paramref name="output"/>: the scheduler's straight-line program, one
    /// local per shared subexpression, then the output.
    /// </summary>
    public static string StraightLineBody(Expr output)
    {
        var program = ScheduledProgram.Of(output);
        var body = new StringBuilder();
        foreach (var let in ScheduledProgram.Lets(program))
            body.AppendLine($"        var {ScheduledProgram.Text(let.Target)} = {ScheduledProgram.Text(let.Value)};");
        return body.AppendLine($"        return {Assert.Single(ScheduledProgram.Stored(program))};").ToString();
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());
}
