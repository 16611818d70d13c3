using SgdDsl.Analysis;
using SgdDsl.Exponents;

namespace SgdDsl.Simulating;

/// <summary>
/// One nonlinear SGD run θ ← θ − (η/|ξ|) Σ_{i∈ξ} ∇ℓ_i(θ) from θ₀ = x* + δu, with the analysis's batch sampler; records
/// the loss-measured normal distance D_k = δ√(L(θ_k)/L(θ₀)) and the fit window of its linear regime.
/// Non-finite numbers end the run as <see cref="TrialOutcome.Diverged"/>; nothing here throws on bad dynamics.
/// </summary>
internal sealed class SgdTrajectory(ILossModel model, Dataset data, double[] minimum, SimulationOptions options)
{
    public SimulationTrial Run(int index, double[] direction, BatchSampler sampler)
    {
        var d = minimum.Length;
        var delta = options.Displacement;
        var loss = new MeanLoss(model, data);
        var theta = new double[d];
        for (var k = 0; k < d; k++)
            theta[k] = minimum[k] + delta * direction[k];
        var last = (double[])theta.Clone();
        var step = new double[d];
        var sampleGradient = new double[d];
        var batch = new int[sampler.BatchSize];
        var history = options.RecordHistory ? new List<double>(options.Steps + 1) : null;

        var startLoss = loss.Value(theta);
        var lastLoss = startLoss;
        // Directions in N have L(θ₀) > 0; a start already at zero loss has no distance to measure.
        var measurable = startLoss > 0 && double.IsFinite(startLoss);
        history?.Add(measurable ? delta : 0.0);
        var (floor, ceiling) = (options.FitFloor * delta, options.FitCeiling * delta);
        var fitOpen = measurable;
        var fitSteps = 0;
        var fitGrowth = 0.0;
        var diverged = !double.IsFinite(startLoss);
        var taken = 0;

        while (!diverged && taken < options.Steps)
        {
            var size = sampler.Next(batch);
            var value = Step(loss, theta, step, sampleGradient, batch.AsSpan(0, size));
            if (!double.IsFinite(value))
            {
                diverged = true;
                break;
            }
            taken++;
            Array.Copy(theta, last, d);
            lastLoss = value;
            var distance = measurable ? delta * Math.Sqrt(value / startLoss) : 0.0;
            history?.Add(distance);
            if (fitOpen)
            {
                fitSteps = taken;
                // The overshoot past the floor or ceiling is kept (Wald's identity needs it); only D = 0, L rounded
                // to zero, is replaced by the floor.
                fitGrowth = Math.Log((distance > 0 ? distance : floor) / delta);
                if (distance < floor || distance > ceiling) fitOpen = false;
            }
        }

        var endDistance = Distance(last, minimum);
        var outcome = diverged ? TrialOutcome.Diverged
            : endDistance > options.Radius ? TrialOutcome.Escaped
            : lastLoss <= options.LossTolerance ? TrialOutcome.Accumulated
            : TrialOutcome.Unsettled;
        return new SimulationTrial
        {
            Index = index,
            Direction = direction,
            Outcome = outcome,
            StepsTaken = taken,
            EndPoint = last,
            EndLoss = lastLoss,
            EndDistance = endDistance,
            NormalDistance = history?.ToArray() ?? [],
            FitSteps = fitSteps,
            FitLogGrowth = fitSteps > 0 ? fitGrowth : 0.0,
        };
    }

    /// <summary>One SGD step in place; returns L at the new point, NaN when anything overflowed (or the model threw ArithmeticException).</summary>
    private double Step(MeanLoss loss, double[] theta, double[] step, double[] sampleGradient, ReadOnlySpan<int> batch)
    {
        try
        {
            Array.Clear(step);
            foreach (var i in batch)
            {
                model.Gradient(theta, data[i], sampleGradient);
                for (var k = 0; k < step.Length; k++)
                    step[k] += sampleGradient[k];
            }
            var scale = options.LearningRate / batch.Length;
            for (var k = 0; k < theta.Length; k++)
                theta[k] -= scale * step[k];
            return Finite(theta) ? loss.Value(theta) : double.NaN;
        }
        catch (ArithmeticException)
        {
            return double.NaN;
        }
    }

    private static bool Finite(double[] x)
    {
        foreach (var v in x)
        {
            if (!double.IsFinite(v)) return false;
        }
        return true;
    }

    private static double Distance(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var k = 0; k < x.Length; k++)
            sum += (x[k] - y[k]) * (x[k] - y[k]);
        return Math.Sqrt(sum);
    }
}
