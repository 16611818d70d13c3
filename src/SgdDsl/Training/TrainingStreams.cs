namespace SgdDsl.Descent;

/// <summary>
/// The streams of <see cref="Exponents.SeedStreams.Derive"/> that training draws from, numbered apart from the
/// analysis's (1–4) so a training seed and an analysis seed never share a stream.
/// </summary>
internal static class TrainingStreams
{
    public const int Batches = 101;
    public const int Initialization = 102;
}
