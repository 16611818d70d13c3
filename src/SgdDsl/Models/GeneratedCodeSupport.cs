using System.ComponentModel;

namespace SgdDsl;

/// <summary>Argument checks shared by generated models; not meant to be called by users.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeSupport
{
    /// <summary>
    /// Σ_k a_k b_k over two rows of equal length (a layer's weights and its input): the generated code calls this for an
    /// inner product instead of writing the loop, which the JIT compiles tighter as a call of its own, and it sums in
    /// vector lanes (the order depends on the machine's vector width, never on threads).
    /// </summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Numerics.VectorKernels.Dot(a, b);

    /// <summary>Σ_k a_k b_k c_k over three rows of equal length (a tangent of a layer's pre-activation), in vector lanes.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c) => Numerics.VectorKernels.Dot(a, b, c);

    /// <summary>destination_k = a·x_k over a row (a gradient row a·x of an outer product), in vector lanes.</summary>
    public static void Scale(double a, ReadOnlySpan<double> x, Span<double> destination) => Numerics.VectorKernels.Scale(a, x, destination);

    /// <summary>destination_k += a·x_k over a row (a row-wise adjoint δ += e·W[i, ·]), in vector lanes.</summary>
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> destination) => Numerics.VectorKernels.AddScaled(a, x, destination);

    /// <summary>destination_k = a·x_k + b·y_k over a row (a tangent's output row of two outer products), in vector lanes.</summary>
    public static void Combine(double a, ReadOnlySpan<double> x, double b, ReadOnlySpan<double> y, Span<double> destination) =>
        Numerics.VectorKernels.Combine(a, x, b, y, destination);

    /// <summary>destination_k += a·x_k + b·y_k over a row (two row-wise adjoint terms in one pass), in vector lanes.</summary>
    public static void AddScaled(double a, ReadOnlySpan<double> x, double b, ReadOnlySpan<double> y, Span<double> destination) =>
        Numerics.VectorKernels.AddScaled(a, x, b, y, destination);

    /// <summary>(Σ_k a_k x_k, Σ_k b_k x_k) in one pass over x (a layer's pre-activation and its tangent), in vector lanes.</summary>
    public static void DotPair(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, out double ax, out double bx) =>
        (ax, bx) = Numerics.VectorKernels.DotPair(a, b, x);

    /// <summary>a·x, a·y, b·x and b·y in one pass over the four rows, in vector lanes.</summary>
    public static void DotBlock(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        out double ax, out double ay, out double bx, out double by) =>
        (ax, ay, bx, by) = Numerics.VectorKernels.DotBlock(a, b, x, y);

    /// <summary>d_k += a·x_k + b·y_k and e_k += c·x_k + f·y_k in one pass (a layer's adjoint and its tangent), in vector lanes.</summary>
    public static void AddScaledBlock(double a, double b, double c, double f, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> d, Span<double> e) =>
        Numerics.VectorKernels.AddScaledBlock(a, b, c, f, x, y, d, e);

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
