namespace SgdDsl.Benchmarks;

/// <summary>One network's generated model, its hand-written baselines and a fixed random point, sample and direction.</summary>
internal sealed class Network(ILossModel model, Network.ValueFunction handValue, Network.GradientFunction handGradient, int inputs, int seed)
{
    public delegate double ValueFunction(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample);

    public delegate double GradientFunction(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient);

    private const double Tolerance = 1e-10;
    private readonly double[] _theta = Random(model.ParameterCount, seed, scale: 1 / Math.Sqrt(inputs));
    private readonly double[] _sample = Random(model.SampleWidth, seed + 100, scale: 1);
    private readonly double[] _direction = Random(model.ParameterCount, seed + 200, scale: 1);
    private readonly double[] _gradient = new double[model.ParameterCount];
    private readonly double[] _product = new double[model.ParameterCount];

    public delegate double OutputGradientFunction(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, int output, Span<double> gradient);

    private OutputGradientFunction? _handOutputGradient;
    private double[] _jacobian = [];

    public double Value() => model.Value(_theta, _sample);

    public double Jacobian()
    {
        model.SquaredResidual!.OutputJacobian(_theta, _sample, _jacobian);
        return _jacobian[0];
    }

    /// <summary>K output gradients, one forward and backward pass each: what a hand-written Jacobian costs without sharing.</summary>
    public double HandJacobian()
    {
        var d = model.ParameterCount;
        var sum = 0.0;
        for (var k = 0; k < model.SquaredResidual!.OutputCount; k++)
            sum += _handOutputGradient!(_theta, _sample, k, _jacobian.AsSpan(k * d, d));
        return sum;
    }

    /// <summary>Not a timing: the generated Jacobian's rows must equal the hand-written output gradients.</summary>
    public void CheckJacobian(OutputGradientFunction handOutputGradient)
    {
        _handOutputGradient = handOutputGradient;
        var d = model.ParameterCount;
        var k = model.SquaredResidual!.OutputCount;
        _jacobian = new double[k * d];
        model.SquaredResidual.OutputJacobian(_theta, _sample, _jacobian);
        var row = new double[d];
        for (var c = 0; c < k; c++)
        {
            handOutputGradient(_theta, _sample, c, row);
            for (var j = 0; j < d; j++)
                Require(Math.Abs(row[j] - _jacobian[c * d + j]) <= Tolerance * Math.Max(1, Math.Abs(row[j])), $"jacobian[{c}, {j}]");
        }
    }

    public double HandValue() => handValue(_theta, _sample);

    public double Gradient() => model.Gradient(_theta, _sample, _gradient);

    public double HandGradient() => handGradient(_theta, _sample, _gradient);

    public double Hvp()
    {
        model.HessianVectorProduct(_theta, _sample, _direction, _product);
        return _product[0];
    }

    /// <summary>Not a timing: baseline and generated code must agree, or the ratios mean nothing.</summary>
    public void Check()
    {
        var generated = new double[_gradient.Length];
        var hand = new double[_gradient.Length];
        Require(Close(model.Gradient(_theta, _sample, generated), handGradient(_theta, _sample, hand)), "loss");
        Require(Close(model.Value(_theta, _sample), handValue(_theta, _sample)), "value");
        var scale = generated.Max(Math.Abs);
        for (var i = 0; i < generated.Length; i++)
            Require(Math.Abs(generated[i] - hand[i]) <= Tolerance * scale, $"gradient[{i}]");
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Abs(a));

    private static void Require(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"Benchmark inputs disagree: {what}.");
    }

    private static double[] Random(int n, int seed, double scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();
    }
}
