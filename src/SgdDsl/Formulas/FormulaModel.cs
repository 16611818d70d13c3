using System.Text.RegularExpressions;
using SgdDsl.Symbolics;

namespace SgdDsl.Formulas;

/// <summary>
/// An <see cref="ILossModel"/> from a loss typed as text, e.g. <c>0.5*(a*b*x - y)^2</c> with parameters a, b:
/// parsed and differentiated by the symbolic engine, compiled to delegates at run time. The identifiers that
/// are not parameters are the data columns, in order of first appearance. Same exact derivatives as a
/// compiled [SgdModel] of the same loss; slower per call, and it copies spans into per-thread buffers.
/// </summary>
public sealed partial class FormulaModel : ILossModel
{
    private const string DirectionPrefix = "$v:";
    private readonly Action<double[], double[], double[], double[]> _value, _gradient, _hessian, _hessianVector;
    private readonly ThreadLocal<Buffers> _buffers;

    private FormulaModel(string name, Symbolics.Expr loss, IReadOnlyList<string> parameters, IReadOnlyList<string> data)
    {
        Name = name;
        ParameterNames = parameters.ToArray().AsReadOnly();
        SampleNames = data.ToArray().AsReadOnly();
        var d = parameters.Count;
        var gradient = Differentiator.Gradient(loss, parameters);
        var hessian = new List<Symbolics.Expr>(d * d);
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++) hessian.Add(Differentiator.Differentiate(gradient[i], parameters[j]));
        var hessianVector = Enumerable.Range(0, d)
            .Select(i => Symbolics.Expr.Add(Enumerable.Range(0, d).Select(j => hessian[i * d + j] * Symbolics.Expr.Var(DirectionPrefix + parameters[j])).ToArray()))
            .ToList();

        LossFormula = InfixPrinter.Format(loss);
        LossFormulaLatex = LatexPrinter.Format(loss);
        GradientFormulas = gradient.Select(InfixPrinter.Format).ToArray().AsReadOnly();
        GradientFormulasLatex = gradient.Select(LatexPrinter.Format).ToArray().AsReadOnly();
        _value = ExpressionCompiler.Compile([loss], parameters, data, DirectionPrefix);
        _gradient = ExpressionCompiler.Compile([loss, .. gradient], parameters, data, DirectionPrefix);
        _hessian = ExpressionCompiler.Compile(hessian, parameters, data, DirectionPrefix);
        _hessianVector = ExpressionCompiler.Compile(hessianVector, parameters, data, DirectionPrefix);
        _buffers = new ThreadLocal<Buffers>(() => new Buffers(d, data.Count));

        var pattern = SquaredResidualPattern.Match(loss, data);
        if (pattern != null)
        {
            var output = ExpressionCompiler.Compile([pattern.Output, .. Differentiator.Gradient(pattern.Output, parameters)], parameters, data, DirectionPrefix);
            SquaredResidual = new CompiledSquaredResidual(this, pattern.Scale, data.ToList().IndexOf(pattern.Target), output);
        }
    }

    /// <summary>
    /// Parses <paramref name="loss"/> and builds the model with trained parameters <paramref name="parameters"/>.
    /// </summary>
    /// <exception cref="FormatException">The loss is not a formula (the message gives the position).</exception>
    /// <exception cref="ArgumentException">A parameter is not in the loss, is repeated, or there is none.</exception>
    public static FormulaModel Create(string loss, IReadOnlyList<string> parameters, string name = "Formula")
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(parameters);
        var expression = InfixParser.Parse(loss);
        var variables = Variables(expression);
        if (parameters.Count == 0) throw new ArgumentException("Give at least one trained parameter.", nameof(parameters));
        if (parameters.Distinct().Count() != parameters.Count) throw new ArgumentException("A parameter is listed twice.", nameof(parameters));
        foreach (var p in parameters)
            if (!variables.Contains(p))
                throw new ArgumentException($"Parameter '{p}' does not occur in the loss {InfixPrinter.Format(expression)}.", nameof(parameters));

        var data = Identifiers().Matches(loss).Select(m => m.Value).Where(variables.Contains).Except(parameters).Distinct().ToList();
        return new FormulaModel(name, expression, parameters, data);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int ParameterCount => ParameterNames.Count;

    /// <inheritdoc/>
    public int SampleWidth => SampleNames.Count;

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> SampleNames { get; }

    /// <inheritdoc/>
    public string LossFormula { get; }

    /// <inheritdoc/>
    public string LossFormulaLatex { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> GradientFormulas { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> GradientFormulasLatex { get; }

    /// <inheritdoc/>
    public SquaredResidualForm? SquaredResidual { get; }

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        var b = Load(theta, sample);
        _value(b.Theta, b.Sample, b.V, b.Scalar);
        return b.Scalar[0];
    }

    /// <inheritdoc/>
    public double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        GeneratedCodeSupport.CheckLength(gradient, ParameterCount, nameof(gradient));
        var b = Load(theta, sample);
        _gradient(b.Theta, b.Sample, b.V, b.ValueAndGradient);
        b.ValueAndGradient.AsSpan(1).CopyTo(gradient);
        return b.ValueAndGradient[0];
    }

    /// <inheritdoc/>
    public void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian)
    {
        GeneratedCodeSupport.CheckLength(hessian, ParameterCount * ParameterCount, nameof(hessian));
        var b = Load(theta, sample);
        _hessian(b.Theta, b.Sample, b.V, b.Hessian);
        b.Hessian.CopyTo(hessian);
    }

    /// <inheritdoc/>
    public void HessianVectorProduct(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, ReadOnlySpan<double> v, Span<double> result)
    {
        GeneratedCodeSupport.CheckLength(v, ParameterCount, nameof(v));
        GeneratedCodeSupport.CheckLength(result, ParameterCount, nameof(result));
        var b = Load(theta, sample);
        v.CopyTo(b.V);
        _hessianVector(b.Theta, b.Sample, b.V, b.Vector);
        b.Vector.CopyTo(result);
    }

    private Buffers Load(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        GeneratedCodeSupport.CheckLength(theta, ParameterCount, nameof(theta));
        GeneratedCodeSupport.CheckLength(sample, SampleWidth, nameof(sample));
        var b = _buffers.Value!;
        theta.CopyTo(b.Theta);
        sample.CopyTo(b.Sample);
        return b;
    }

    private static HashSet<string> Variables(Symbolics.Expr e)
    {
        var names = new HashSet<string>();
        var stack = new Stack<Symbolics.Expr>([e]);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            if (x is Variable v) names.Add(v.Name);
            foreach (var c in x.Children) stack.Push(c);
        }

        return names;
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?")]
    private static partial Regex Identifiers();

    /// <summary>Per-thread copies of the spans, since compiled delegates take arrays.</summary>
    private sealed class Buffers(int d, int width)
    {
        public double[] Theta { get; } = new double[d];
        public double[] Sample { get; } = new double[width];
        public double[] V { get; } = new double[d];
        public double[] Scalar { get; } = new double[1];
        public double[] ValueAndGradient { get; } = new double[d + 1];
        public double[] Hessian { get; } = new double[d * d];
        public double[] Vector { get; } = new double[d];
    }

    private sealed class CompiledSquaredResidual(FormulaModel model, double scale, int target, Action<double[], double[], double[], double[]> output)
        : SquaredResidualForm(scale, target)
    {
        public override double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample) =>
            OutputGradient(theta, sample, model._buffers.Value!.Vector);

        public override double OutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
        {
            GeneratedCodeSupport.CheckLength(gradient, model.ParameterCount, nameof(gradient));
            var b = model.Load(theta, sample);
            output(b.Theta, b.Sample, b.V, b.ValueAndGradient);
            b.ValueAndGradient.AsSpan(1).CopyTo(gradient);
            return b.ValueAndGradient[0];
        }
    }
}
