using System.Text.RegularExpressions;
using SgdDsl.Symbolics;

namespace SgdDsl.Formulas;

/// <summary>
/// An <see cref="ILossModel"/> from a loss typed as text, e.g. <c>0.5*(a*b*x - y)^2</c> with parameters a, b:
/// parsed by the symbolic engine, differentiated and scheduled into the loop programs the generator prints as C#,
/// and compiled to delegates at run time. The identifiers that
/// are not parameters are the data columns, in order of first appearance. Same exact derivatives as a
/// compiled [SgdModel] of the same loss; slower per call, and it copies spans into per-thread buffers.
/// </summary>
public sealed partial class FormulaModel : ILossModel
{
    private readonly Func<double[], double[], double[], double[], double> _value, _gradient, _hessian, _hessianVector;
    private readonly ThreadLocal<Buffers> _buffers;

    private FormulaModel(string name, Symbolics.Expr loss, IReadOnlyList<string> parameters, IReadOnlyList<string> data)
    {
        Name = name;
        ParameterNames = parameters.ToArray().AsReadOnly();
        SampleNames = data.ToArray().AsReadOnly();
        var d = parameters.Count;
        // The generator's derivative pipeline: the same derivatives, scheduled into the same loop programs.
        var blocks = parameters.Select((p, i) => new ParameterBlock(p, [], i)).ToArray();
        var pattern = SquaredResidualPattern.Match(loss, data);
        var programs = DerivativePrograms.Compute(blocks, d, loss, pattern?.Output);
        var gradient = programs.Derivatives.Gradient.Select(g => g.Value).ToList();

        LossFormula = InfixPrinter.Format(loss);
        LossFormulaLatex = LatexPrinter.Format(loss);
        GradientFormulas = gradient.Select(InfixPrinter.Format).ToArray().AsReadOnly();
        GradientFormulasLatex = gradient.Select(LatexPrinter.Format).ToArray().AsReadOnly();
        _value = Compile(programs.Value);
        _gradient = Compile(programs.Gradient);
        _hessian = Compile(programs.Hessian);
        _hessianVector = Compile(programs.HessianVectorProduct);
        _buffers = new ThreadLocal<Buffers>(() => new Buffers(d, data.Count));

        if (pattern != null)
            SquaredResidual = new CompiledSquaredResidual(this, pattern.Scale, data.ToList().IndexOf(pattern.Target),
                Compile(programs.Residual!.Output), Compile(programs.Residual.OutputDerivative));

        Func<double[], double[], double[], double[], double> Compile(MethodProgram method) => ProgramCompiler.Compile(method.Program, parameters, data);
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
        return _value(b.Theta, b.Sample, b.V, b.Vector);
    }

    /// <inheritdoc/>
    public double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        GeneratedCodeSupport.CheckLength(gradient, ParameterCount, nameof(gradient));
        var b = Load(theta, sample);
        var value = _gradient(b.Theta, b.Sample, b.V, b.Vector);
        b.Vector.CopyTo(gradient);
        return value;
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
        public double[] Hessian { get; } = new double[d * d];
        public double[] Vector { get; } = new double[d];
    }

    private sealed class CompiledSquaredResidual(FormulaModel model, double scale, int target,
        Func<double[], double[], double[], double[], double> output, Func<double[], double[], double[], double[], double> outputGradient)
        : SquaredResidualForm(scale, target)
    {
        public override double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
        {
            var b = model.Load(theta, sample);
            return output(b.Theta, b.Sample, b.V, b.Vector);
        }

        public override double OutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
        {
            GeneratedCodeSupport.CheckLength(gradient, model.ParameterCount, nameof(gradient));
            var b = model.Load(theta, sample);
            var value = outputGradient(b.Theta, b.Sample, b.V, b.Vector);
            b.Vector.CopyTo(gradient);
            return value;
        }
    }
}
