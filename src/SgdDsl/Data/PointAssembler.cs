namespace SgdDsl.Data;

/// <summary>
/// Puts named values into the model's parameter order for <see cref="PointFile.Read"/>, refusing a name the model lacks,
/// a name given twice, a value that is not finite, and, at the end, a parameter left without a value. Every message
/// starts with the caller's location and names the parameter.
/// </summary>
internal sealed class PointAssembler
{
    private readonly string path;
    private readonly ILossModel model;
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly double[] theta;
    private readonly bool[] given;

    public PointAssembler(string path, ILossModel model)
    {
        this.path = path;
        this.model = model;
        theta = new double[model.ParameterCount];
        given = new bool[model.ParameterCount];
        for (var k = 0; k < model.ParameterCount; k++)
            index.TryAdd(model.ParameterNames[k], k);
    }

    /// <summary>The model's position of <paramref name="name"/>.</summary>
    public int Position(string name, string at)
    {
        if (!index.TryGetValue(name, out var k))
            throw new PointFileException(path, name,
                $"{at}: '{Excerpt.Of(name)}' is not a parameter of model {model.Name} (its parameters: {Excerpt.Of(string.Join(", ", model.ParameterNames))}).");
        if (given[k])
            throw new PointFileException(path, name, $"{at}: parameter '{name}' appears twice.");
        given[k] = true;
        return k;
    }

    /// <summary>Sets parameter <paramref name="k"/> to <paramref name="value"/> (written <paramref name="text"/> in the file).</summary>
    public void Set(int k, double value, string text, string at)
    {
        if (!double.IsFinite(value))
            throw new PointFileException(path, model.ParameterNames[k],
                $"{at}: the value of '{model.ParameterNames[k]}' is '{Excerpt.Of(text)}', not finite; every value must be finite.");
        theta[k] = value;
    }

    /// <summary>Refuses a value that is not a number.</summary>
    public PointFileException NotANumber(int k, string text, string at) =>
        new(path, model.ParameterNames[k], $"{at}: the value of '{model.ParameterNames[k]}' is '{Excerpt.Of(text)}', not a number.");

    /// <summary>θ, once every parameter has a value.</summary>
    public double[] Finish()
    {
        var missing = Array.IndexOf(given, false);
        if (missing >= 0)
            throw new PointFileException(path, model.ParameterNames[missing],
                $"Point file '{path}': no value for parameter '{model.ParameterNames[missing]}' of model {model.Name}.");
        return theta;
    }
}
