using static SgdDsl.StabilityFinding;

namespace SgdDsl.Rendering;

/// <summary>The findings of an analysis in plain sentences: the wording of <see cref="StabilityReport.Notes"/> and <see cref="StabilityReport.Caveats"/>.</summary>
public static class FindingText
{
    /// <summary>One sentence (or two) saying what <paramref name="finding"/> means.</summary>
    public static string Sentence(StabilityFinding finding) => finding switch
    {
        NoNormalDirection =>
            "r = 0: every per-sample Hessian vanishes at x*, so N = {0}: μ = λ = −∞ by the empty-maximum convention and both verdicts are Stable. The loss is flat to second order in every direction; higher-order terms decide the actual dynamics.",
        SingleBatch => "Every step uses the same batch, so SGD is GD and λ = μ exactly.",
        SignCertified { Bound: CertifyingBound.Upper } =>
            "SGD stability is certified by the mean-square bound, free of Monte Carlo error; λ itself is the Monte Carlo estimate, run to its precision target.",
        SignCertified =>
            "SGD instability is certified by the determinant bound, free of Monte Carlo error; λ itself is the Monte Carlo estimate, run to its precision target.",
        DeterminantBoundSampled d =>
            $"E log|det A_ξ| has too many batches to enumerate: the lower bound {G(d.Lower)} is a Monte Carlo mean ± {G(d.StandardError)} and certifies nothing.",
        MeanSquareBoundSkipped { Reshuffling: true } => "No mean-square upper bound for reshuffling: its steps are not independent.",
        MeanSquareBoundSkipped m => $"The mean-square bound was skipped: r = {m.NormalDimension} makes even its iterative evaluation too costly.",
        BatchesSampled b =>
            $"There are more than {b.MaxEnumerated} batches: each E log|1 − η h_ξ^(j)| was averaged over {b.Sampled} random batches.",
        ProductAnnihilated => "A product of batch maps annihilated a random vector of N, so it is the zero map on N: λ = −∞.",
        EstimateExtended e => $"The estimate extended itself to {e.Steps} steps to reach its precision target or decide the verdict (budget {e.Budget}).",
        StandardErrorTargetMissed m =>
            $"The standard error {G(m.StandardError)} is above its target {G(m.Target)}: the step budget ({m.Budget}) ran out after {m.Steps} steps; raise MaxSteps for more precision.",
        SpectrumSum { Consistent: true } s =>
            $"The spectrum sums to {G(s.Sum)} ± {G(s.StandardError)}, consistent with E log|det A_ξ| = {G(s.Expected)}.",
        SpectrumSum s =>
            $"The spectrum sums to {G(s.Sum)} ± {G(s.StandardError)} but E log|det A_ξ| = {G(s.Expected)}: the estimate has not converged; raise Steps.",
        ReshufflingLeftover l =>
            $"Reshuffling with B ∤ N: each epoch ends with a batch of the {l.Leftover} leftover samples; λ is per step over ⌈N/B⌉ = {l.StepsPerEpoch} steps per epoch.",
        NegativeCurvature n =>
            $"A per-sample Hessian has eigenvalue {Numbers.Exact(n.Eigenvalue)} < 0, so x* does not minimize every ℓ_i exactly; curvature of order the residuals may pose as normal directions. Polish the point with Stability.Minimize.",
        ResidualAboveCut r =>
            $"The residual scale √(2L) = {Numbers.Exact(r.ResidualScale)} exceeds the curvature cut {Numbers.Exact(r.Cut)}: residual curvature may pose as normal directions. Polish the point with Stability.Minimize.",
        CurvaturesBelowCut c =>
            $"{c.Samples} sample(s) have curvature below the cut {G(c.Cut)} (the largest of them {G(c.LargestCurvature)}), so their directions are not in N: the data's curvatures span more than 1/NormalSpaceTolerance. Rescale the data if those samples matter.",
        SingularBatchMap =>
            "Some batch map A_ξ is singular on N (det A_ξ = 0): λ may be −∞ (it is when products annihilate N), and the paper's invertibility condition fails.",
        CommutingHessians c =>
            $"The restricted Hessians commute (r = {c.NormalDimension}): λ is exact, but the batch maps share every eigenvector, so they are not strongly irreducible and the paper's instability theorem does not apply as stated.",
        ReducibleBatchMaps m =>
            $"The batch maps leave a proper subspace of N invariant (their commutant has dimension {m.CommutantDimension}): they are reducible, so the paper's regularity fails; λ is the largest of the exponents on the invariant pieces.",
        UnstablePresumesRegularity =>
            "The Unstable verdict presumes regularity, which plausibly fails here: read it as λ > 0, not as a proven repulsion of SGD.",
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, "Unknown finding."),
    };

    private static string G(double x) => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
