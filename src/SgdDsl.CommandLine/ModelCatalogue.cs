namespace SgdDsl.CommandLine;

/// <summary>The models one command line knows, found by name (case-insensitive); the first is the default of <c>--model</c>.</summary>
internal sealed class ModelCatalogue
{
    public ModelCatalogue(IReadOnlyList<CommandLineModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0) throw new ArgumentException("The command line needs at least one model.", nameof(models));
        for (var i = 0; i < models.Count; i++)
        {
            if (models[i]?.Model is null) throw new ArgumentException($"Model {i} is null.", nameof(models));
            for (var j = 0; j < i; j++)
                if (string.Equals(models[i].Model.Name, models[j].Model.Name, StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"Two models are named '{models[i].Model.Name}'; --model could not tell them apart.", nameof(models));
        }
        All = models;
    }

    public IReadOnlyList<CommandLineModel> All { get; }

    public CommandLineModel Default => All[0];

    public CommandLineModel? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Model.Name, name, StringComparison.OrdinalIgnoreCase));

    public string Names => string.Join(", ", All.Select(m => m.Model.Name));
}
