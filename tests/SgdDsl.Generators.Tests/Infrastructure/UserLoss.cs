using System.Reflection;

namespace SgdDsl.Generators.Tests.Infrastructure;

/// <summary>Calls the user's own [Loss] method with θ and a sample unflattened into its declared parameters.</summary>
internal static class UserLoss
{
    public static double Invoke(Type model, double[] theta, double[] sample)
    {
        var method = model.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Single(m => m.GetCustomAttribute<LossAttribute>() != null);
        int thetaAt = 0, sampleAt = 0;
        var args = method.GetParameters().Select(p =>
        {
            var isParam = p.GetCustomAttribute<ParamAttribute>() != null;
            var shape = p.GetCustomAttribute<ParamAttribute>()?.Shape ?? p.GetCustomAttribute<DataAttribute>()?.Shape ?? [];
            var source = isParam ? theta : sample;
            ref var at = ref isParam ? ref thetaAt : ref sampleAt;
            object value = shape.Length switch
            {
                0 => source[at],
                1 => source.AsSpan(at, shape[0]).ToArray(),
                _ => ToMatrix(source.AsSpan(at, shape[0] * shape[1]), shape[0], shape[1]),
            };
            at += shape.Aggregate(1, (n, s) => n * s);
            return value;
        }).ToArray();
        return (double)method.Invoke(null, args)!;
    }

    private static double[,] ToMatrix(ReadOnlySpan<double> flat, int rows, int columns)
    {
        var m = new double[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++) m[i, j] = flat[i * columns + j];
        return m;
    }
}
