namespace SgdDsl.Generators.Spec
{
    /// <summary>What <c>SgdDslModels.All</c> needs of one model: its name as C# writes it, and whether the assembly can name it.</summary>
    internal sealed record ModelListEntry(string QualifiedName, bool IsReachable);
}
