namespace SgdDsl;

/// <summary>
/// A fact the analysis established beside the numbers: a degenerate case, how a value was obtained, a diagnostic of
/// the point, or (the <see cref="RegularityCaveat"/> kinds) a reason the paper's regularity conditions may fail. The
/// report holds findings; renderers word them (<see cref="StabilityReport.Notes"/>, <see cref="StabilityReport.Caveats"/>).
/// Exponents are per step, natural log.
/// </summary>
public abstract record StabilityFinding
{
    private protected StabilityFinding() { }

    /// <summary>Why a verdict may not carry the paper's theorem: its regularity conditions plausibly fail.</summary>
    public abstract record RegularityCaveat : StabilityFinding
    {
        private protected RegularityCaveat() { }
    }

    /// <summary>r = 0: every per-sample Hessian vanishes at x*, so μ = λ = −∞ and higher-order terms decide the dynamics.</summary>
    public sealed record NoNormalDirection : StabilityFinding;

    /// <summary>Every step uses the same batch (B = N without replacement or reshuffling, or N = 1): SGD is GD and λ = μ.</summary>
    public sealed record SingleBatch : StabilityFinding;

    /// <summary>The sign of λ is certified by <paramref name="Bound"/>, whose value <paramref name="Value"/> excludes 0 without Monte Carlo error.</summary>
    /// <param name="Bound">Which bound.</param>
    /// <param name="Value">Its value.</param>
    public sealed record SignCertified(CertifyingBound Bound, double Value) : StabilityFinding;

    /// <summary>E log|det A_ξ| had too many batches to enumerate: the lower bound is a Monte Carlo mean and certifies nothing.</summary>
    /// <param name="Lower">The sampled lower bound.</param>
    /// <param name="StandardError">Its standard error.</param>
    public sealed record DeterminantBoundSampled(double Lower, double StandardError) : StabilityFinding;

    /// <summary>The mean-square bound was not computed: reshuffling (steps not independent) or r too large even for its iteration.</summary>
    /// <param name="Reshuffling">True when skipped because batches are reshuffled.</param>
    /// <param name="NormalDimension">r.</param>
    public sealed record MeanSquareBoundSkipped(bool Reshuffling, int NormalDimension) : StabilityFinding;

    /// <summary>An exact per-direction average had more batches than <paramref name="MaxEnumerated"/>, so it was sampled.</summary>
    /// <param name="MaxEnumerated">The enumeration limit.</param>
    /// <param name="Sampled">Random batches drawn for the top exponent.</param>
    public sealed record BatchesSampled(long MaxEnumerated, long Sampled) : StabilityFinding;

    /// <summary>A product of batch maps annihilated a random vector of N: λ = −∞.</summary>
    public sealed record ProductAnnihilated : StabilityFinding;

    /// <summary>
    /// The estimate stopped at its step budget with its standard error above the target
    /// (<see cref="StabilityOptions.StandardErrorTarget"/> × max(1, |λ̂|)).
    /// </summary>
    /// <param name="StandardError">The standard error reached.</param>
    /// <param name="Target">The target it missed.</param>
    /// <param name="Steps">Measured steps over all chains.</param>
    /// <param name="Budget">The step budget (<see cref="StabilityOptions.MaxSteps"/>).</param>
    public sealed record StandardErrorTargetMissed(double StandardError, double Target, long Steps, long Budget) : StabilityFinding;

    /// <summary>The estimate doubled its length past <see cref="StabilityOptions.Steps"/> per chain, to reach its target or decide the verdict.</summary>
    /// <param name="Steps">Measured steps over all chains at the end.</param>
    /// <param name="Budget">The step budget (<see cref="StabilityOptions.MaxSteps"/>).</param>
    public sealed record EstimateExtended(long Steps, long Budget) : StabilityFinding;

    /// <summary>The full spectrum's sum compared with E log|det A_ξ|, which it must equal.</summary>
    /// <param name="Sum">Σ of the estimated exponents.</param>
    /// <param name="StandardError">Its standard error.</param>
    /// <param name="Expected">r × the determinant bound.</param>
    /// <param name="Consistent">True when they agree within z standard errors.</param>
    public sealed record SpectrumSum(double Sum, double StandardError, double Expected, bool Consistent) : StabilityFinding;

    /// <summary>Reshuffling with B ∤ N: each epoch ends with a batch of the leftover samples.</summary>
    /// <param name="Leftover">N mod B.</param>
    /// <param name="StepsPerEpoch">⌈N/B⌉.</param>
    public sealed record ReshufflingLeftover(int Leftover, int StepsPerEpoch) : StabilityFinding;

    /// <summary>A per-sample Hessian has an eigenvalue below −cut while residuals of order √(2L) above the cut could cause it.</summary>
    /// <param name="Eigenvalue">The most negative eigenvalue.</param>
    public sealed record NegativeCurvature(double Eigenvalue) : StabilityFinding;

    /// <summary>The residual scale √(2L) exceeds the curvature cut: residual curvature may pose as normal directions.</summary>
    /// <param name="ResidualScale">√(2L).</param>
    /// <param name="Cut">NormalSpaceTolerance × the largest per-sample curvature.</param>
    public sealed record ResidualAboveCut(double ResidualScale, double Cut) : StabilityFinding;

    /// <summary>
    /// Samples with nonzero curvature below the cut (relTol × the largest curvature): their directions are not in N. At a
    /// step size suited to the largest curvature they change no exponent measurably, but a sample far larger than the
    /// rest can push all the others there.
    /// </summary>
    /// <param name="Samples">How many samples.</param>
    /// <param name="LargestCurvature">The largest of their curvatures.</param>
    /// <param name="Cut">The cut.</param>
    public sealed record CurvaturesBelowCut(int Samples, double LargestCurvature, double Cut) : StabilityFinding;

    /// <summary>Some batch map is singular on N (det A_ξ = 0): the paper's invertibility condition fails.</summary>
    public sealed record SingularBatchMap : RegularityCaveat;

    /// <summary>The restricted Hessians commute: λ is exact, but the maps are not strongly irreducible.</summary>
    /// <param name="NormalDimension">r.</param>
    public sealed record CommutingHessians(int NormalDimension) : RegularityCaveat;

    /// <summary>The batch maps leave a proper subspace of N invariant (their commutant has this dimension).</summary>
    /// <param name="CommutantDimension">The dimension of the commutant, &gt; 1.</param>
    public sealed record ReducibleBatchMaps(int CommutantDimension) : RegularityCaveat;

    /// <summary>The Unstable verdict presumes regularity, which one of the other caveats puts in doubt.</summary>
    public sealed record UnstablePresumesRegularity : RegularityCaveat;
}
