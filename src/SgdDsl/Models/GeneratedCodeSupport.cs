using System.ComponentModel;

namespace SgdDsl;

/// <summary>Argument checks shared by generated models; not meant to be called by users.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeSupport
{
    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="name"/> unless the span has <paramref name="expected"/> elements.</summary>
    public static void CheckLength(ReadOnlySpan<double> span, int expected, string name)
    {
        if (span.Length != expected)
            throw new ArgumentException($"{name} must have length {expected} but has length {span.Length}.", name);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="name"/> unless the span has <paramref name="expected"/> elements.</summary>
    public static void CheckLength(Span<double> span, int expected, string name) =>
        CheckLength((ReadOnlySpan<double>)span, expected, name);
}
