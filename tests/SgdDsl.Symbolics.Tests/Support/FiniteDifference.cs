namespace SgdDsl.Symbolics.Tests.Support;

/// <summary>Central finite differences, the independent yardstick for symbolic derivatives.</summary>
internal static class FiniteDifference
{
    /// <summary>
    /// The step 1e-5·max(1, |x|): near ε^(1/3), where the O(h²) truncation error and the O(ε/h)
    /// roundoff error of a central difference are balanced, and relative to the scale of x.
    /// </summary>
    public static double Step(double x) => 1e-5 * Math.Max(1.0, Math.Abs(x));

    /// <summary>(f(x + h) − f(x − h)) / 2h, dividing by the step actually taken after rounding x ± h.</summary>
    public static double Central(Func<double, double> f, double x, double h)
    {
        var above = x + h;
        var below = x - h;
        return (f(above) - f(below)) / (above - below);
    }

    /// <summary>∂e/∂variable at <paramref name="at"/> by a central difference with <see cref="Step"/>.</summary>
    public static double Partial(Expr e, string variable, IReadOnlyDictionary<string, double> at)
    {
        var x = at[variable];
        return Central(t => Evaluator.Evaluate(e, With(at, variable, t)), x, Step(x));
    }

    public static Dictionary<string, double> With(IReadOnlyDictionary<string, double> at, string variable, double value) =>
        new(at) { [variable] = value };
}
