namespace SgdDsl;

/// <summary>How SGD draws the batch ξ of each step.</summary>
public enum BatchSampling
{
    /// <summary>
    /// Each step an independent, uniformly random B-element subset of the N samples (no repeats inside a
    /// batch). The setting of Chemnitz and Engel (JMLR 2025), and the default.
    /// </summary>
    WithoutReplacement,

    /// <summary>Each step B independent uniform sample indices (a sample may repeat inside a batch).</summary>
    WithReplacement,

    /// <summary>
    /// Random reshuffling: each epoch a fresh random permutation cut into consecutive batches of B. When B does
    /// not divide N the epoch ends with one smaller batch of the N mod B remaining samples (every sample is used
    /// once per epoch, as with PyTorch's default drop_last = false). Steps are not independent, so λ is the
    /// per-epoch exponent divided by the ⌈N/B⌉ steps of an epoch.
    /// </summary>
    Reshuffling,
}
