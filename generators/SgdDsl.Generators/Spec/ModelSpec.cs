using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Spec
{
    /// <summary>A containing type the generated partial must repeat, e.g. <c>static partial class Outer</c>.</summary>
    internal sealed record ContainingType(string Keyword, string Name);

    /// <summary>
    /// Everything the emitter needs about one model, and nothing from Roslyn: names, the loss as a
    /// canonical symbolic expression, and where the generated partial goes. Value equality keeps
    /// the generator's output step cached while the loss is unchanged.
    /// </summary>
    internal sealed record ModelSpec(
        string? Namespace,
        EquatableArray<ContainingType> ContainingTypes,
        string Keyword,
        string ClassName,
        EquatableArray<Block> Parameters,
        EquatableArray<Block> Samples,
        Expr Loss,
        Analysis.SquaredResidual? Residual,
        bool IsReachable)
    {
        /// <summary>The model class as C# names it from anywhere in its assembly, e.g. <c>global::Ns.Outer.Model</c>.</summary>
        public string QualifiedName
        {
            get
            {
                var parts = new System.Collections.Generic.List<string>();
                if (Namespace != null) parts.Add(Namespace);
                foreach (var t in ContainingTypes) parts.Add(t.Name);
                parts.Add(ClassName);
                return "global::" + string.Join(".", parts);
            }
        }

        // IsReachable: the class and every type containing it are internal or public, so SgdDslModels.All can name it.

        /// <summary>d, the length of θ.</summary>
        public int ParameterCount => System.Linq.Enumerable.Sum(Parameters, b => b.Size);

        /// <summary>The length of one sample.</summary>
        public int SampleWidth => System.Linq.Enumerable.Sum(Samples, b => b.Size);

        /// <summary>A file name unique to this model in the compilation.</summary>
        public string HintName => QualifiedName.Substring("global::".Length).Replace('<', '_').Replace('>', '_') + ".g.cs";
    }
}
