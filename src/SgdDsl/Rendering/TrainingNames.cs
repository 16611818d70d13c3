namespace SgdDsl.Rendering;

/// <summary>The names of <see cref="TrainingMethod"/> and <see cref="TrainingStopReason"/> values on the command line and in JSON.</summary>
public static class TrainingNames
{
    /// <summary>"gd" or "sgd".</summary>
    public static string Name(TrainingMethod method) => method switch
    {
        TrainingMethod.GD => "gd",
        TrainingMethod.SGD => "sgd",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown training method."),
    };

    /// <summary>The method called <paramref name="name"/> ("gd" or "sgd", case-insensitive), if any.</summary>
    public static bool TryParse(string name, out TrainingMethod method)
    {
        foreach (var m in Enum.GetValues<TrainingMethod>())
        {
            if (string.Equals(Name(m), name, StringComparison.OrdinalIgnoreCase))
            {
                method = m;
                return true;
            }
        }
        method = default;
        return false;
    }

    /// <summary>"loss-target", "max-steps", "diverged" or "cancelled".</summary>
    public static string Name(TrainingStopReason reason) => reason switch
    {
        TrainingStopReason.LossTarget => "loss-target",
        TrainingStopReason.MaxSteps => "max-steps",
        TrainingStopReason.Diverged => "diverged",
        TrainingStopReason.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown stop reason."),
    };
}
