namespace SgdDsl.Analysis;

/// <summary>Chooses the step method of <see cref="Stability.Minimize"/> and runs the damped Newton iteration with it.</summary>
internal static class Minimizer
{
    public static MinimizeMethod Choose(ILossModel model, MinimizeOptions options) =>
        options.Method ?? (model.SquaredResidual is not null ? MinimizeMethod.GaussNewton
            : model.ParameterCount <= MinimizeOptions.DenseLimit ? MinimizeMethod.Dense
            : MinimizeMethod.NewtonCg);

    public static MinimizeResult Run(ILossModel model, Dataset data, double[] start, MinimizeOptions options)
    {
        var loss = new MeanLoss(model, data, options.MaxDegreeOfParallelism);
        var method = Choose(model, options);
        IDampedStep step = method switch
        {
            MinimizeMethod.GaussNewton => new GaussNewtonStep(model.SquaredResidual!, loss),
            MinimizeMethod.NewtonCg => new NewtonCgStep(loss),
            _ => new DenseNewtonStep(loss),
        };
        return DampedNewton.Run(loss, step, method, start, options);
    }
}
