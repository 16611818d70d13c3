using SgdDsl.Linearizing;
using SgdDsl.Numerics;

namespace SgdDsl.Exponents;

/// <summary>
/// Estimates the top k Lyapunov exponents of the random products A_ξn ⋯ A_ξ1 on N (A_ξ = I − η K_ξ) by Benettin's
/// method: k orthonormal vectors are mapped and re-orthonormalized by modified Gram–Schmidt (a thin QR) every step,
/// and λ̂_j is the mean of log R_jj after a discarded transient (for k = 1 this is the renormalized iteration
/// v ← A_ξ v/‖A_ξ v‖, one fused <see cref="BatchStep"/> per step). Every step costs O(B·rank·r·k + r·k²), independent
/// of d, and allocates nothing. Independent chains run in parallel, each from its own seed; their block means are
/// combined in chain order, and the run doubles the blocks of every chain until its <see cref="StopRule"/> is met or
/// the step budget would be passed, deciding only on the combined means, so the result is bit-identical for any degree
/// of parallelism.
/// </summary>
internal static class LyapunovEstimator
{
    /// <summary>R_jj ≤ this × ‖A_ξ‖-scale means the map annihilated direction j (a singular product): exponent −∞.</summary>
    public const double AnnihilationTolerance = 1e-13;

    /// <summary>
    /// When a run may stop growing. Every rule also stops at λ̂ = −∞ and when the next doubling would pass the step
    /// budget (<see cref="LambdaSettings.MaxSteps"/>); "the target" is SE ≤ <see cref="LambdaSettings.StandardErrorTarget"/>
    /// × max(1, |λ̂|).
    /// </summary>
    public enum StopRule
    {
        /// <summary>
        /// The full first run of <see cref="LambdaSettings.Steps"/> per chain, then doubling while the verdict is
        /// undecided: what <see cref="StabilityOptions.AlwaysEstimate"/> asks for (the default length, regardless of the target).
        /// </summary>
        VerdictDecided,

        /// <summary>
        /// No bound decided the sign: from a first run of <see cref="LambdaSettings.Steps"/>/<see cref="FirstRunDivisor"/>
        /// per chain, doubling until the target is met and λ̂ ± z·SE excludes 0. An undecided run near λ = 0 keeps doubling
        /// after it meets the target, since more steps may still decide it.
        /// </summary>
        PrecisionAndVerdict,

        /// <summary>
        /// A bound already certified the sign, so only the value is wanted: from the same short first run, doubling until
        /// the target is met.
        /// </summary>
        PrecisionReached,
    }

    /// <summary>The first run of a target-driven estimate is this fraction of <see cref="LambdaSettings.Steps"/> per chain.</summary>
    public const int FirstRunDivisor = 8;

    /// <summary>The standard error an estimate of <paramref name="value"/> must reach: target × max(1, |λ̂|).</summary>
    public static double TargetFor(LambdaSettings settings, double value) => settings.StandardErrorTarget * Math.Max(1.0, Math.Abs(value));

    public static LyapunovEstimate Estimate(RestrictedHessians hessians, LambdaSettings settings, int spectrumSize, StopRule stop)
    {
        var chains = settings.Chains;
        var k = Math.Clamp(spectrumSize, 1, hessians.Dimension);
        var steps = stop == StopRule.VerdictDecided
            ? settings.Steps
            : Math.Max(settings.BlocksPerChain, settings.Steps / FirstRunDivisor);
        var budget = Math.Max(settings.MaxSteps, (long)steps * chains);
        // Blocks and the transient are whole epochs, so reshuffling blocks start at epoch boundaries.
        var epoch = BatchSampler.StepsPerEpochOf(settings.Sampling, hessians.Count, settings.BatchSize);
        var blockSize = Math.Max(1, steps / settings.BlocksPerChain / epoch) * epoch;
        var transient = (settings.Transient + epoch - 1) / epoch * epoch;

        var states = new Chain[chains];
        for (var c = 0; c < chains; c++)
            states[c] = new Chain(hessians, settings, c, k);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };
        var blocks = settings.BlocksPerChain;
        Parallel.For(0, chains, parallel, c => states[c].Run(transient, blocks, blockSize));
        var targetMissed = false;
        while (true)
        {
            var (mean, se) = BatchMeans(states, 0, blocks);
            var precise = se <= TargetFor(settings, mean);
            var verdict = settings.VerdictOf(mean, se) != Verdict.Inconclusive;
            var done = double.IsNegativeInfinity(mean) || stop switch
            {
                StopRule.VerdictDecided => verdict,
                StopRule.PrecisionAndVerdict => precise && verdict,
                _ => precise,
            };
            var next = (long)chains * 2 * blocks * blockSize;
            if (done || next > budget)
            {
                targetMissed = stop != StopRule.VerdictDecided && !double.IsNegativeInfinity(mean) && !precise;
                break;
            }
            var add = blocks;
            Parallel.For(0, chains, parallel, c => states[c].Run(0, add, blockSize));
            blocks += add;
        }
        var extended = (long)blocks * blockSize > settings.Steps;

        var spectrum = new LyapunovExponentEstimate[k];
        for (var j = 0; j < k; j++)
        {
            var (mean, se) = BatchMeans(states, j, blocks);
            spectrum[j] = new LyapunovExponentEstimate(mean, double.IsNegativeInfinity(mean) ? 0.0 : se);
        }
        var (sum, sumSe) = BatchMeans(states, -1, blocks);
        var chainValues = states.Select(s => s.Means.Take(blocks).Select(m => m[0]).Average()).ToArray();
        var history = new List<LambdaHistoryPoint>();
        if (!double.IsNegativeInfinity(spectrum[0].Exponent))
        {
            for (var b = 1; b <= blocks; b++)
            {
                var (mean, se) = BatchMeans(states, 0, b);
                history.Add(new LambdaHistoryPoint((long)b * blockSize, mean, se));
            }
        }
        return new LyapunovEstimate(
            spectrum, new LyapunovExponentEstimate(sum, double.IsNegativeInfinity(sum) ? 0.0 : sumSe),
            (long)chains * blocks * blockSize, chainValues, history, extended, targetMissed);
    }

    /// <summary>
    /// Mean and standard error of the first <paramref name="blocks"/> block means of exponent <paramref name="j"/>
    /// (−1: the sum of all k) of every chain, in chain order; −∞ if any chain annihilated it.
    /// </summary>
    private static (double Mean, double StandardError) BatchMeans(Chain[] chains, int j, int blocks)
    {
        var values = new List<double>();
        foreach (var chain in chains)
        {
            for (var b = 0; b < blocks; b++)
            {
                var m = chain.Means[b];
                values.Add(j >= 0 ? m[j] : m.Sum());
            }
        }
        if (values.Any(double.IsNegativeInfinity))
            return (double.NegativeInfinity, 0.0);
        var sum = new NeumaierSum();
        foreach (var v in values)
            sum.Add(v);
        var mean = sum.Value / values.Count;
        if (values.Count < 2)
            return (mean, double.NaN);
        var squares = new NeumaierSum();
        foreach (var v in values)
            squares.Add((v - mean) * (v - mean));
        return (mean, Math.Sqrt(squares.Value / (values.Count - 1) / values.Count));
    }

    /// <summary>One chain: its random stream, its k orthonormal vectors and its block means (kept between extensions).</summary>
    private sealed class Chain
    {
        private readonly double eta;
        private readonly BatchSampler sampler;
        private readonly int[] batch;
        private readonly double[][] vectors;
        private readonly BatchStep step;
        private readonly double[] logR;
        private int alive;

        // Chains are built one after another, so their objects sit side by side; a never-written 128-byte gap after
        // each chain's state keeps one chain's writes (its vector, its generator) off the cache lines another thread reads.
        private readonly double[] before = new double[16];
        private double[] after = [];

        public Chain(RestrictedHessians hessians, LambdaSettings settings, int index, int k)
        {
            eta = settings.LearningRate;
            var r = hessians.Dimension;
            var random = new FastRandom(SeedStreams.Derive(settings.Seed, SeedStreams.LyapunovChains, index));
            sampler = BatchSampler.Create(settings.Sampling, hessians.Count, settings.BatchSize, random);
            batch = new int[settings.BatchSize];
            step = new BatchStep(hessians);
            logR = new double[k];
            alive = k;
            // Gaussian starts are almost surely outside every invariant subspace of lower exponents.
            vectors = new double[k][];
            for (var j = 0; j < k; j++)
            {
                vectors[j] = new double[r];
                for (var a = 0; a < r; a++)
                    vectors[j][a] = StandardNormal.Draw(random);
            }
            Orthonormalize(logR, double.PositiveInfinity);
            alive = k;
            after = new double[16];
        }

        public List<double[]> Means { get; } = [];

        public void Run(int transient, int blocks, int blockSize)
        {
            for (var t = 0; t < transient && alive > 0; t++)
                Step();
            for (var b = 0; b < blocks; b++)
            {
                var sums = new NeumaierSum[logR.Length];
                for (var t = 0; t < blockSize && alive > 0; t++)
                {
                    Step();
                    for (var j = 0; j < alive; j++)
                        sums[j].Add(logR[j]);
                }
                var means = new double[logR.Length];
                for (var j = 0; j < means.Length; j++)
                    means[j] = j < alive ? sums[j].Value / blockSize : double.NegativeInfinity;
                Means.Add(means);
            }
        }

        private void Step()
        {
            var size = sampler.Next(batch);
            step.Gather(batch.AsSpan(0, size));
            var scale = eta / size;
            if (logR.Length == 1)
            {
                // k = 1: the renormalized iteration; ‖A_ξ v‖ comes out of the fused pass.
                if (alive == 0)
                    return;
                var v = vectors[0];
                var squares = step.Apply(scale, v);
                var norm = double.IsFinite(squares) ? Math.Sqrt(squares) : EuclideanNorm.Of(v);
                if (norm <= AnnihilationTolerance * Math.Max(1.0, norm))
                {
                    alive = 0;
                    return;
                }
                VectorKernels.Scale(1.0 / norm, v);
                logR[0] = Math.Log(norm);
                return;
            }
            var growth = 1.0;
            for (var j = 0; j < alive; j++)
            {
                var v = vectors[j];
                var squares = step.Apply(scale, v);
                growth = Math.Max(growth, double.IsFinite(squares) ? Math.Sqrt(squares) : EuclideanNorm.Of(v));
            }
            Orthonormalize(logR, growth);
        }

        /// <summary>Modified Gram–Schmidt on the live vectors; logR[j] = log R_jj. A vanishing R_jj ends j and beyond.</summary>
        private void Orthonormalize(double[] log, double scale)
        {
            for (var j = 0; j < alive; j++)
            {
                var v = vectors[j];
                for (var i = 0; i < j; i++)
                {
                    var u = vectors[i];
                    VectorKernels.AddScaled(-VectorKernels.Dot(u, v), u, v);
                }
                var squares = VectorKernels.Dot(v, v);
                var norm = double.IsFinite(squares) ? Math.Sqrt(squares) : EuclideanNorm.Of(v);
                if (norm == 0.0 || (double.IsFinite(scale) && norm <= AnnihilationTolerance * scale))
                {
                    alive = j;
                    return;
                }
                VectorKernels.Scale(1.0 / norm, v);
                log[j] = Math.Log(norm);
            }
        }
    }
}
