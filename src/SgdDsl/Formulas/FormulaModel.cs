using System.Runtime.InteropServices;
using SgdDsl.Symbolics;

namespace SgdDsl.Formulas;

/// <summary>
/// An <see cref="ILossModel"/> from a loss typed as text, e.g. <c>0.5*(a*b*x - y)^2</c> with parameters a, b, or a
/// network <c>0.5*(sum(j, 16, v[j]*tanh(sum(k, 4, W[j,k]*x[k]))) - y)^2</c> with parameters <c>W[16,4], v[16]</c>:
/// parsed by the symbolic engine, differentiated and scheduled into the loop programs the generator prints as C#,
/// and compiled to delegates at run time. The names that are not parameters are the data, in order of first
/// appearance; a data array's shape is one more than the greatest value of each of its subscripts. Same exact
/// derivatives as a compiled [SgdModel] of the same loss, from the same loop programs, at its speed: the programs read
/// and write the caller's spans (lengths checked first), copy nothing and allocate nothing per call (the tables live in a
/// per-thread scratch array). As for a generated model, an output span must not overlap θ, the sample or v.
/// </summary>
public sealed class FormulaModel : ILossModel
{
    private readonly CompiledProgram _value, _gradient, _hessian, _hessianVector;
    /// <summary>Each thread's scratch for the programs' tables (the only memory a call uses besides the caller's spans).</summary>
    private readonly ThreadLocal<double[]> _scratch;

    private FormulaModel(string name, FormulaLayout layout)
    {
        Name = name;
        ParameterNames = layout.ParameterNames;
        SampleNames = layout.SampleNames;
        var d = ParameterNames.Count;
        var loss = layout.Loss;
        // The generator's derivative pipeline: the same derivatives, scheduled into the same loop programs.
        var scalars = layout.Data.Where(b => b.IsScalar).Select(b => b.Name).ToList();
        var vectors = layout.Data.Where(b => b.Shape.Count == 1).Select(b => (b.Name, b.Shape[0])).ToList();
        var pattern = ResidualOf(loss, scalars, vectors);
        var programs = DerivativePrograms.Compute(layout.Parameters, d, loss, pattern?.Output, pattern?.OutputIndex, transposedSums: true);
        var gradient = programs.Derivatives.Gradient.Select(g => g.Value).ToList();

        LossFormula = InfixPrinter.Format(loss);
        LossFormulaLatex = LatexPrinter.Format(loss);
        GradientFormulas = gradient.Select(InfixPrinter.Format).ToArray().AsReadOnly();
        GradientFormulasLatex = gradient.Select(LatexPrinter.Format).ToArray().AsReadOnly();
        _value = Compile(programs.Value);
        _gradient = Compile(programs.Gradient);
        _hessian = Compile(programs.Hessian);
        _hessianVector = Compile(programs.HessianVectorProduct);

        var outputs = 1;
        CompiledProgram? output = null, outputDerivative = null;
        if (pattern != null)
        {
            output = Compile(programs.Residual!.Output);
            outputDerivative = Compile(programs.Residual.OutputDerivative);
            var (_, scale, targetName, outputIndex) = pattern.Value;
            var target = layout.Data.First(b => b.Name == targetName);
            outputs = outputIndex?.Range ?? 1;
            SquaredResidual = new CompiledSquaredResidual(this, scale, Enumerable.Range(target.Offset, outputs).ToArray(), output, outputDerivative);
        }

        var scratch = new[] { _value, _gradient, _hessian, _hessianVector, output, outputDerivative }.Max(p => p?.ScratchLength ?? 0);
        _scratch = new ThreadLocal<double[]>(() => new double[scratch]);

        CompiledProgram Compile(MethodProgram method) => ProgramCompiler.Compile(method.Program, layout.Parameters, layout.Data);
    }

    /// <summary>
    /// The residual forms the generator recognizes, in its order: c·(f − y)², c·Σ_k (f_k − y[k])², then φ(f − y) with
    /// φ(0) = φ'(0) = 0 &lt; φ''(0) (log cosh, pseudo-Huber), whose c is φ''(0)/2.
    /// </summary>
    private static (Symbolics.Expr Output, double Scale, string Target, IndexSymbol? OutputIndex)? ResidualOf(
        Symbolics.Expr loss, List<string> scalars, List<(string, int)> vectors)
    {
        if ((SquaredResidualPattern.Match(loss, scalars) ?? SquaredResidualPattern.MatchVector(loss, vectors)) is { } squared)
            return (squared.Output, squared.Scale, squared.Target, squared.OutputIndex);
        return ResidualLoss.Match(loss, scalars) is { } general ? (general.Output, general.Curvature / 2, general.Target, null) : null;
    }

    /// <summary>
    /// Parses <paramref name="loss"/> and builds the model with trained parameters <paramref name="parameters"/>: names
    /// such as <c>a</c>, and arrays declared with their shape such as <c>W[16,4]</c> (θ holds their entries row-major, named
    /// <c>W[0,0]</c>, <c>W[0,1]</c>, …, in the order listed). An entry the loss itself reads as a flattened name, such as
    /// <c>W[0,1]</c> in a loss written entry by entry, is that scalar.
    /// </summary>
    /// <exception cref="FormatException">The loss is not a formula, or a subscript leaves its array's shape (the message gives the position).</exception>
    /// <exception cref="ArgumentException">A parameter is not in the loss, is repeated, is subscripted without a declared shape, or there is none.</exception>
    public static FormulaModel Create(string loss, IReadOnlyList<string> parameters, string name = "Formula")
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(parameters);
        return new FormulaModel(name, FormulaLayout.Of(loss, parameters));
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
        Check(theta, sample);
        return Run(_value, theta, sample, default, default);
    }

    /// <inheritdoc/>
    public double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
    {
        Check(theta, sample);
        GeneratedCodeSupport.CheckLength(gradient, ParameterCount, nameof(gradient));
        return Run(_gradient, theta, sample, default, gradient);
    }

    /// <inheritdoc/>
    public void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian)
    {
        Check(theta, sample);
        GeneratedCodeSupport.CheckLength(hessian, ParameterCount * ParameterCount, nameof(hessian));
        Run(_hessian, theta, sample, default, hessian);
    }

    /// <inheritdoc/>
    public void HessianVectorProduct(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, ReadOnlySpan<double> v, Span<double> result)
    {
        Check(theta, sample);
        GeneratedCodeSupport.CheckLength(v, ParameterCount, nameof(v));
        GeneratedCodeSupport.CheckLength(result, ParameterCount, nameof(result));
        Run(_hessianVector, theta, sample, v, result);
    }

    private void Check(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
    {
        GeneratedCodeSupport.CheckLength(theta, ParameterCount, nameof(theta));
        GeneratedCodeSupport.CheckLength(sample, SampleWidth, nameof(sample));
    }

    /// <summary>
    /// Runs a program on the caller's spans, lengths checked: a program reads only θ, the sample and (for H·v) v, and
    /// writes only its output span (none for a value); the tables live in this thread's scratch.
    /// </summary>
    private double Run(CompiledProgram program, ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, ReadOnlySpan<double> v, Span<double> output) =>
        program.Run(ref MemoryMarshal.GetReference(theta), ref MemoryMarshal.GetReference(sample), ref MemoryMarshal.GetReference(v),
            ref MemoryMarshal.GetReference(output), _scratch.Value!);

    private sealed class CompiledSquaredResidual(FormulaModel model, double scale, int[] targets, CompiledProgram output, CompiledProgram outputDerivative)
        : SquaredResidualForm(scale, targets)
    {
        public override double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample)
        {
            if (OutputCount > 1) throw new InvalidOperationException($"The loss has {OutputCount} outputs: use Outputs.");
            model.Check(theta, sample);
            return model.Run(output, theta, sample, default, default);
        }

        public override double OutputGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient)
        {
            if (OutputCount > 1) throw new InvalidOperationException($"The loss has {OutputCount} outputs: use OutputJacobian.");
            model.Check(theta, sample);
            GeneratedCodeSupport.CheckLength(gradient, model.ParameterCount, nameof(gradient));
            return model.Run(outputDerivative, theta, sample, default, gradient);
        }

        public override void Outputs(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> outputs)
        {
            if (OutputCount == 1)
            {
                base.Outputs(theta, sample, outputs);
                return;
            }

            model.Check(theta, sample);
            GeneratedCodeSupport.CheckLength(outputs, OutputCount, nameof(outputs));
            model.Run(output, theta, sample, default, outputs);
        }

        public override void OutputJacobian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> jacobian)
        {
            if (OutputCount == 1)
            {
                base.OutputJacobian(theta, sample, jacobian);
                return;
            }

            model.Check(theta, sample);
            GeneratedCodeSupport.CheckLength(jacobian, OutputCount * model.ParameterCount, nameof(jacobian));
            model.Run(outputDerivative, theta, sample, default, jacobian);
        }
    }
}
