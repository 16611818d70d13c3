using System.Reflection;
using System.Runtime.CompilerServices;

namespace SgdDsl.Formulas;

/// <summary>
/// Entries of a span given by its first entry, for compiled programs (expression trees take no spans). The formula model
/// checks each span's length before a program runs, and the program reads and writes only the positions of the layout it
/// was compiled for, so no position falls outside.
/// </summary>
internal static class SpanAccess
{
    public static readonly MethodInfo ReadMethod = typeof(SpanAccess).GetMethod(nameof(Read))!;
    public static readonly MethodInfo WriteMethod = typeof(SpanAccess).GetMethod(nameof(Write))!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Read(ref double first, int position) => Unsafe.Add(ref first, position);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(ref double first, int position, double value) => Unsafe.Add(ref first, position) = value;
}
