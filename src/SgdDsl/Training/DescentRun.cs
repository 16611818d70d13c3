using SgdDsl.Exponents;
using SgdDsl.Numerics;

namespace SgdDsl.Descent;

/// <summary>
/// One training run of <see cref="Training.Run"/>: GD or SGD steps θ ← θ − (η/|ξ|) Σ_{i∈ξ} ∇ℓ_i(θ) with the
/// generated gradients, the stopping rules, and the thinned loss curve. The next point is written into a second buffer
/// and the two are swapped only when it is finite, so whatever stops a run, the last good point is still at hand.
/// </summary>
internal sealed class DescentRun
{
    private readonly Dataset data;
    private readonly TrainingOptions options;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly BatchGradient gradient;
    private readonly LossCurveRecorder curve = new();
    private readonly double[] start;
    private readonly double[] sum;
    private readonly int[] all;
    private double[] theta;
    private double[] next;

    public DescentRun(ILossModel model, Dataset data, double[] start, TrainingOptions options, IProgress<TrainingProgress>? progress)
    {
        this.data = data;
        this.options = options;
        this.progress = progress;
        this.start = start;
        gradient = new BatchGradient(model, data, options.MaxDegreeOfParallelism);
        theta = (double[])start.Clone();
        next = new double[start.Length];
        sum = new double[start.Length];
        all = Enumerable.Range(0, data.Count).ToArray();
    }

    public TrainingResult Run(ILossModel model, CancellationToken token)
    {
        var (steps, loss, norm, startLoss, reason) = options.Method == TrainingMethod.GD ? Gd(token) : Sgd(token);
        return new TrainingResult
        {
            Model = model.Name,
            ParameterNames = model.ParameterNames,
            Options = options,
            SampleCount = data.Count,
            EndPoint = (double[])theta.Clone(),
            EndLoss = loss,
            EndGradientNorm = norm,
            StartLoss = startLoss,
            Steps = steps,
            StopReason = reason,
            DistanceTravelled = Distance(theta, start),
            History = curve.Finish(steps, loss),
        };
    }

    /// <summary>Full-batch GD: the gradient at θ_k gives L(θ_k) for free, so every step is a point of the curve.</summary>
    private (int Steps, double Loss, double Norm, double StartLoss, TrainingStopReason Reason) Gd(CancellationToken token)
    {
        var n = data.Count;
        var scale = options.LearningRate / n;
        var (startLoss, previousLoss, previousNorm) = (double.NaN, double.NaN, double.NaN);
        for (var k = 0; ; k++)
        {
            double loss, norm;
            try
            {
                // The start point is always evaluated, so even a run cancelled at once reports its loss.
                loss = gradient.Sum(theta, all, n, sum, k == 0 ? CancellationToken.None : token) / n;
                norm = EuclideanNorm.Of(sum) / n;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // θ_k's gradient was cut short; θ_{k−1}, whose loss is known, is still in the other buffer.
                (theta, next) = (next, theta);
                return (k - 1, previousLoss, previousNorm, startLoss, TrainingStopReason.Cancelled);
            }
            catch (ArithmeticException)
            {
                return (k, double.NaN, double.NaN, k == 0 ? double.NaN : startLoss, TrainingStopReason.Diverged);
            }
            if (k == 0) startLoss = loss;
            Record(k, loss);
            var reason = Verdict(loss, norm, startLoss) ?? (k == options.MaxSteps ? TrainingStopReason.MaxSteps : null);
            if (reason is null && !Step(scale)) reason = TrainingStopReason.Diverged;
            if (reason is { } stop) return (k, loss, norm, startLoss, stop);
            (previousLoss, previousNorm) = (loss, norm);
            (theta, next) = (next, theta);
        }
    }

    /// <summary>
    /// SGD: L is evaluated every <see cref="TrainingOptions.LossEvaluationInterval"/> steps, or early when the batch
    /// losses of the last epoch average below the target; the end point gets one full gradient for its loss and ‖∇L‖.
    /// </summary>
    private (int Steps, double Loss, double Norm, double StartLoss, TrainingStopReason Reason) Sgd(CancellationToken token)
    {
        var (n, b) = (data.Count, options.BatchSize);
        var random = new Random(SeedStreams.Derive(options.Seed, TrainingStreams.Batches, 0));
        var sampler = BatchSampler.Create(options.Sampling, n, b, random);
        var batch = new int[b];
        var epoch = (n + b - 1) / b;
        var interval = options.LossEvaluationInterval ?? (int)Math.Min(int.MaxValue, 4L * epoch);

        var startLoss = MeanLoss(CancellationToken.None);
        Record(0, startLoss);
        var reason = Verdict(startLoss, 0.0, startLoss);
        var recent = new RecentLosses(epoch);
        var (k, sinceEvaluation) = (0, 0);
        while (reason is null)
        {
            if (k == options.MaxSteps)
            {
                reason = TrainingStopReason.MaxSteps;
                break;
            }
            var size = sampler.Next(batch);
            double value;
            try
            {
                value = gradient.Sum(theta, batch, size, sum, token) / size;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                reason = TrainingStopReason.Cancelled;
                break;
            }
            catch (ArithmeticException)
            {
                reason = TrainingStopReason.Diverged;
                break;
            }
            if (!double.IsFinite(value) || !Step(options.LearningRate / size))
            {
                reason = TrainingStopReason.Diverged;
                break;
            }
            (theta, next) = (next, theta);
            k++;
            recent.Add(value);
            sinceEvaluation++;
            // Early evaluations at most once an epoch, so batch losses that flatter L cannot make every step evaluate it.
            if (k % interval != 0 && !(sinceEvaluation >= epoch && recent.Full && recent.Mean < options.LossTarget))
                continue;
            double loss;
            try
            {
                loss = MeanLoss(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                reason = TrainingStopReason.Cancelled;
                break;
            }
            Record(k, loss);
            sinceEvaluation = 0;
            reason = Verdict(loss, 0.0, startLoss);
        }
        // Never cancelled: the point reached is reported with its loss and gradient norm (the cost of one GD step).
        var (endLoss, endNorm) = FullGradient();
        return (k, endLoss, endNorm, startLoss, reason.Value);
    }

    /// <summary>Diverged for a non-finite value or a loss above DivergenceFactor·L(θ₀), LossTarget below the target, else null.</summary>
    private TrainingStopReason? Verdict(double loss, double norm, double startLoss)
    {
        if (!double.IsFinite(loss) || !double.IsFinite(norm)) return TrainingStopReason.Diverged;
        if (loss < options.LossTarget) return TrainingStopReason.LossTarget;
        if (startLoss > 0 && loss > options.DivergenceFactor * startLoss) return TrainingStopReason.Diverged;
        return null;
    }

    /// <summary>next = θ − scale·sum; false when a coordinate is not finite.</summary>
    private bool Step(double scale)
    {
        var finite = true;
        for (var j = 0; j < theta.Length; j++)
        {
            var x = theta[j] - scale * sum[j];
            next[j] = x;
            finite &= double.IsFinite(x);
        }
        return finite;
    }

    private double MeanLoss(CancellationToken token)
    {
        try
        {
            return gradient.ValueSum(theta, token) / data.Count;
        }
        catch (ArithmeticException)
        {
            return double.NaN;
        }
    }

    private (double Loss, double Norm) FullGradient()
    {
        try
        {
            var loss = gradient.Sum(theta, all, data.Count, sum, CancellationToken.None) / data.Count;
            return (loss, EuclideanNorm.Of(sum) / data.Count);
        }
        catch (ArithmeticException)
        {
            return (double.NaN, double.NaN);
        }
    }

    private void Record(int step, double loss)
    {
        curve.Add(step, loss);
        progress?.Report(new TrainingProgress(step, loss, options.MaxSteps));
    }

    private static double Distance(double[] x, double[] y)
    {
        var d = new double[x.Length];
        for (var k = 0; k < x.Length; k++)
            d[k] = x[k] - y[k];
        return EuclideanNorm.Of(d);
    }
}
