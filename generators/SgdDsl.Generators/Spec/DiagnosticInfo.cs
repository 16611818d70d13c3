using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SgdDsl.Generators.Spec
{
    /// <summary>A diagnostic reduced to equatable data (no syntax tree is kept alive by the pipeline).</summary>
    internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
        {
            var line = location.GetLineSpan();
            return new DiagnosticInfo(descriptor.Id, line.Path ?? "", location.SourceSpan, line.Span, new EquatableArray<string>(arguments));
        }
    }

    /// <summary>What parsing one [SgdModel] class yields: a spec when it is valid, and its diagnostics.</summary>
    internal sealed record ParseResult(ModelSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
}
