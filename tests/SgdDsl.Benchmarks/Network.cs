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

    public double Value() => model.Value(_theta, _sample);

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
