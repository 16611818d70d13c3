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

    /// <summary>
    /// The names of flattened blocks in order: a scalar block (empty shape) is its name, an array
    /// block gives one name per entry in row-major order, such as <c>W[0,1]</c> or <c>v[3]</c>.
    /// </summary>
    public static IReadOnlyList<string> FlatNames(params (string Name, int[] Shape)[] blocks)
    {
        var names = new List<string>();
        foreach (var (name, shape) in blocks)
        {
            if (shape.Length == 0)
            {
                names.Add(name);
                continue;
            }

            var size = shape.Aggregate(1, (n, s) => n * s);
            var subscripts = new int[shape.Length];
            for (var flat = 0; flat < size; flat++)
            {
                var rest = flat;
                for (var k = shape.Length - 1; k >= 0; k--)
                {
                    subscripts[k] = rest % shape[k];
                    rest /= shape[k];
                }

                names.Add(name + "[" + string.Join(",", subscripts) + "]");
            }
        }

        return names.AsReadOnly();
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="name"/> unless the span has <paramref name="expected"/> elements.</summary>
    public static void CheckLength(Span<double> span, int expected, string name) =>
        CheckLength((ReadOnlySpan<double>)span, expected, name);
}
