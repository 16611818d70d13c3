using SgdDsl.Rendering;

namespace SgdDsl;

/// <summary>
/// The linear stability of GD and SGD at a global minimum x*, restricted to the normal space N (the
/// tangent directions of the minimum manifold neither grow nor shrink). Exponents are per step, in natural
/// logarithms: a perturbation in N scales like e^(exponent·steps).
/// </summary>
public sealed class StabilityReport
{
    /// <summary>The model's name (<see cref="ILossModel.Name"/>).</summary>
    public required string Model { get; init; }

    /// <summary>The per-sample loss as a formula (<see cref="ILossModel.LossFormula"/>), for renderers.</summary>
    public string LossFormula { get; init; } = "";

    /// <summary>The names of θ's coordinates, in order (<see cref="ILossModel.ParameterNames"/>).</summary>
    public IReadOnlyList<string> ParameterNames { get; init; } = [];

    /// <summary>The names of a sample's columns, in order (<see cref="ILossModel.SampleNames"/>).</summary>
    public IReadOnlyList<string> SampleNames { get; init; } = [];

    /// <summary>x*, the point analysed (a copy of the argument; never moved).</summary>
    public required double[] Minimum { get; init; }

    /// <summary>N, the number of samples.</summary>
    public required int SampleCount { get; init; }

    /// <summary>The mean loss L(x*) = (1/N) Σ ℓ_i(x*), in the loss's units.</summary>
    public required double Loss { get; init; }

    /// <summary>‖∇L(x*)‖, the Euclidean norm of the gradient of the mean loss.</summary>
    public required double GradientNorm { get; init; }

    /// <summary>η, the step size analysed.</summary>
    public required double LearningRate { get; init; }

    /// <summary>B, the batch size analysed.</summary>
    public required int BatchSize { get; init; }

    /// <summary>How batches are drawn.</summary>
    public required BatchSampling Sampling { get; init; }

    /// <summary>r = dim N, the number of directions with curvature (span of the ranges of the per-sample Hessians).</summary>
    public required int NormalDimension { get; init; }

    /// <summary>d − r = dim T, the dimension of the minimum manifold at x* (to second order).</summary>
    public required int TangentDimension { get; init; }

    /// <summary>
    /// Eigenvalues of the mean Hessian H on N (K = QᵀHQ), ascending: r values, or only its smallest and largest ones
    /// when <see cref="MeanHessianSpectrumIsPartial"/>.
    /// </summary>
    public required double[] MeanHessianSpectrumOnNormalSpace { get; init; }

    /// <summary>
    /// True when r exceeds the Gram route's eigen-decomposition limit (2,000 on the squared-residual path), where the
    /// spectrum holds only the extreme eigenvalues, converged by Lanczos to 1e-10 of the largest: the ones μ, the
    /// sharpness and the GD verdict depend on. False when all r are given.
    /// </summary>
    public bool MeanHessianSpectrumIsPartial { get; init; }

    /// <summary>
    /// μ = log max |1 − η h| over the eigenvalues h of H on N: the GD exponent. −∞ when r = 0 (no normal
    /// direction: nothing can grow).
    /// </summary>
    public required double Mu { get; init; }

    /// <summary>
    /// Stable if μ &lt; −tol, Unstable if μ &gt; tol, Inconclusive within tol
    /// (<see cref="StabilityOptions.ExponentTolerance"/>). Stable when r = 0.
    /// </summary>
    public required Verdict GdVerdict { get; init; }

    /// <summary>
    /// λ, the top Lyapunov exponent of the SGD linearization on N, per step (for reshuffling, per epoch divided
    /// by the steps of an epoch): a closed form (exact) or a Monte Carlo estimate with <see cref="LambdaStandardError"/>,
    /// never a bound, whatever <see cref="LambdaMethod"/> says. −∞ when products of batch maps annihilate N with positive
    /// probability, and when r = 0.
    /// </summary>
    public required double Lambda { get; init; }

    /// <summary>Standard error of <see cref="Lambda"/>: 0 for <see cref="LambdaMethod.Exact"/>.</summary>
    public required double LambdaStandardError { get; init; }

    /// <summary>Which path gave <see cref="Lambda"/>: exact, an estimate whose sign a bound certified, or a Monte Carlo estimate.</summary>
    public required LambdaMethod LambdaMethod { get; init; }

    /// <summary>
    /// The bound that certified the sign of λ (and so <see cref="SgdVerdict"/>) without Monte Carlo error: Upper
    /// (½ log ρ(E[A⊗A]) &lt; 0, stable) or Lower ((1/r) E log|det A_ξ| &gt; 0, unstable); null unless
    /// <see cref="LambdaMethod"/> is Certified.
    /// </summary>
    public CertifyingBound? CertifiedBy { get; init; }

    /// <summary>
    /// Stable if λ + z·SE &lt; −tol, Unstable if λ − z·SE &gt; tol, otherwise Inconclusive
    /// (z = <see cref="ConfidenceMultiplier"/>, tol = <see cref="StabilityOptions.ExponentTolerance"/>; SE = 0 when
    /// exact); when <see cref="CertifiedBy"/> names a bound, that bound's sign.
    /// An Unstable verdict presumes the minimum is "regular" in the paper's sense (not checked).
    /// </summary>
    public required Verdict SgdVerdict { get; init; }

    /// <summary>The z used for <see cref="SgdVerdict"/>.</summary>
    public required double ConfidenceMultiplier { get; init; }

    /// <summary>
    /// Random batches drawn to measure λ: measured (post-transient) steps summed over all chains, or batches
    /// sampled for a one-dimensional average; 0 when λ was computed without sampling.
    /// </summary>
    public required long Steps { get; init; }

    /// <summary>Chains run (0 when λ was not estimated by the product of random matrices).</summary>
    public required int Chains { get; init; }

    /// <summary>λ̂ of each chain, in chain order (empty unless estimated by chains).</summary>
    public required double[] ChainLambdas { get; init; }

    /// <summary>λ̂ ± SE after each block of every chain: the convergence history (empty unless estimated by chains).</summary>
    public required IReadOnlyList<LambdaHistoryPoint> LambdaHistory { get; init; }

    /// <summary>
    /// ½ log ρ(E[A_ξ ⊗ A_ξ]) on N, the mean-square growth rate, an upper bound on λ (Jensen); below 0 it certifies
    /// SGD stability without Monte Carlo error. Null for reshuffling (steps are not independent) and when r is so
    /// large that the r²×r² operator is too costly.
    /// </summary>
    public double? MeanSquareExponent => double.IsPositiveInfinity(LambdaBounds.Upper) ? null : LambdaBounds.Upper;

    /// <summary>
    /// What the analysis found beside the numbers (degenerate cases, how λ was obtained, diagnostics of the point,
    /// regularity caveats), as typed facts; <see cref="Notes"/> and <see cref="Caveats"/> word them.
    /// </summary>
    public IReadOnlyList<StabilityFinding> Findings { get; init; } = [];

    /// <summary>Remarks on degenerate cases, certifications and diagnostics, in plain sentences (the findings that are not caveats).</summary>
    public IReadOnlyList<string> Notes => Findings.Where(f => f is not StabilityFinding.RegularityCaveat).Select(FindingText.Sentence).ToArray();

    /// <summary>
    /// (1/r) E log|det A_ξ| ≤ λ ≤ ½ log ρ(E[A⊗A]), computed without random products and reported on every path
    /// (upper +∞ when not computed; for r = 0 both −∞).
    /// </summary>
    public required LambdaBounds LambdaBounds { get; init; }

    /// <summary>
    /// The largest Lyapunov exponents on N, descending, each ± its standard error (<see cref="StabilityOptions.SpectrumSize"/>
    /// of them, at most r): exact (SE 0) when the restricted Hessians commute, r = 1 or every step uses the same batch,
    /// otherwise Benettin estimates. Empty when r = 0.
    /// </summary>
    public required IReadOnlyList<LyapunovExponentEstimate> Spectrum { get; init; }

    /// <summary>Wu–Ma–E sharpness a = λ_max(H), the largest eigenvalue of the mean Hessian (0 when r = 0).</summary>
    public required double Sharpness { get; init; }

    /// <summary>Wu–Ma–E non-uniformity s = √λ_max(Σ), Σ = (1/N) Σ H_i² − H², in curvature units.</summary>
    public required double NonUniformity { get; init; }

    /// <summary>2/η: mean-square stability needs <see cref="Sharpness"/> ≤ this.</summary>
    public required double SharpnessThreshold { get; init; }

    /// <summary>
    /// (1/η)·√(B(N−1)/(N−B)) (B-subsets and reshuffling; +∞ when B = N) or √B/η (with replacement): mean-square
    /// stability needs <see cref="NonUniformity"/> ≤ this.
    /// </summary>
    public required double NonUniformityThreshold { get; init; }

    /// <summary>rank H_i for each sample i (curvatures above the normal-space cut; ≤ K for a squared-residual form with K outputs).</summary>
    public required int[] SampleRanks { get; init; }

    /// <summary>max_i rank H_i, the largest per-sample factor (0 when N has no curvature); r = dim N is at most N times it.</summary>
    public int LargestSampleRank => SampleRanks.Length == 0 ? 0 : SampleRanks.Max();

    /// <summary>
    /// K, the number of outputs of the model's squared-residual form (H_i = 2c J_iᵀJ_i with J_i the K×d output Jacobian, so
    /// rank H_i ≤ K); null for a loss without the form.
    /// </summary>
    public int? OutputCount { get; init; }

    /// <summary>True when N and the K_i came from the model's squared-residual form (no Hessian formed).</summary>
    public required bool FromSquaredResidual { get; init; }

    /// <summary>The convergence history of λ̂ (the same list as <see cref="LambdaHistory"/>), for plots.</summary>
    public IReadOnlyList<LambdaHistoryPoint> History => LambdaHistory;

    /// <summary>
    /// Where the paper's regularity conditions plausibly fail (singular batch maps, commuting restricted Hessians, a
    /// common invariant subspace) and what that means for the verdict, in plain sentences; empty when none was found.
    /// </summary>
    public IReadOnlyList<string> Caveats => Findings.OfType<StabilityFinding.RegularityCaveat>().Select(FindingText.Sentence).ToArray();
}
