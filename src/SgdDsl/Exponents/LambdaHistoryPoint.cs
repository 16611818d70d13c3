namespace SgdDsl;

/// <summary>
/// The Lyapunov estimate as it stood after the first <see cref="StepsPerChain"/> measured steps of every chain:
/// the convergence history of λ̂.
/// </summary>
/// <param name="StepsPerChain">Measured steps per chain so far (a whole number of blocks).</param>
/// <param name="Lambda">λ̂ from those steps, per step (natural log).</param>
/// <param name="StandardError">Its standard error from the block means so far (NaN with fewer than 2 blocks).</param>
public readonly record struct LambdaHistoryPoint(long StepsPerChain, double Lambda, double StandardError);
