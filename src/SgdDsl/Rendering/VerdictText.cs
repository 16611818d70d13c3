namespace SgdDsl.Rendering;

/// <summary>Words for verdicts, shared by the text and JSON renderers.</summary>
public static class VerdictText
{
    /// <summary>"stable", "unstable" or "inconclusive": the JSON contract.</summary>
    public static string Json(Verdict verdict) => verdict switch
    {
        Verdict.Stable => "stable",
        Verdict.Unstable => "unstable",
        _ => "inconclusive",
    };

    /// <summary>One sentence on what the two verdicts together mean for training.</summary>
    public static string Meaning(StabilityReport r)
    {
        var how = $"with η = {Numbers.Short(r.LearningRate)} and batches of {r.BatchSize}";
        return (r.GdVerdict, r.SgdVerdict) switch
        {
            (_, Verdict.Inconclusive) =>
                "The sign of λ is not decided within its error bar (λ is at or near 0): run longer with more steps before drawing conclusions about SGD.",
            (Verdict.Stable, Verdict.Stable) =>
                $"Both GD and SGD {how} can converge to this minimum: small perturbations off the manifold of minima die out.",
            (Verdict.Stable, Verdict.Unstable) =>
                $"GD can converge to this minimum, but SGD {how} cannot: its batch-to-batch fluctuations push it away, so SGD selects other minima.",
            (Verdict.Unstable, Verdict.Stable) =>
                $"SGD {how} can converge to this minimum although GD with the same step size cannot: the noise of random batches is stabilizing here.",
            (Verdict.Unstable, Verdict.Unstable) =>
                $"Neither GD nor SGD {how} can converge to this minimum: perturbations off the manifold of minima grow.",
            _ =>
                "GD sits on the boundary μ = 0, which the theory leaves open; SGD's verdict is as stated above.",
        };
    }
}
