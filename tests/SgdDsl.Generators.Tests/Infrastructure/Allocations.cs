namespace SgdDsl.Generators.Tests.Infrastructure;

/// <summary>Measures what the four derivative calls of a model allocate on this thread.</summary>
internal static class Allocations
{
    /// <summary>Bytes allocated by <paramref name="repetitions"/> rounds of Value, Gradient, Hessian and HessianVectorProduct.</summary>
    public static long OfDerivativeCalls(ILossModel model, double[] theta, double[] sample, int repetitions)
    {
        var d = model.ParameterCount;
        double[] v = theta.Reverse().ToArray(), gradient = new double[d], hessian = new double[d * d], result = new double[d];
        void Work()
        {
            model.Value(theta, sample);
            model.Gradient(theta, sample, gradient);
            model.Hessian(theta, sample, hessian);
            model.HessianVectorProduct(theta, sample, v, result);
        }

        Work(); // JIT and static initialization allocate once.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < repetitions; i++) Work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
