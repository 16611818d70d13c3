namespace SgdDsl.CommandLine.Commands;

/// <summary>
/// One training run from the command line: Ctrl-C stops it cleanly (the point reached is still polished, written and
/// reported), and on a terminal a progress bar shows the step and the loss on stderr.
/// </summary>
internal static class TrainingRun
{
    public static TrainedMinimum Run(ILossModel model, Dataset data, double[] start, TrainingOptions options, TextWriter error)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true; // keep the process: the run returns the point reached, and it is written
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            if (!ConsoleProgress.Available(error, quiet: false))
            {
                // No bar in a pipe or a log; one line says the run has begun and how to stop it.
                error.WriteLine($"train: up to {options.MaxSteps:N0} steps; Ctrl-C stops and keeps the point reached.");
                return Training.RunAndPolish(model, data, start, options, cancellationToken: stop.Token);
            }

            TrainedMinimum? result = null;
            ConsoleProgress.Run("training", options.MaxSteps, task =>
            {
                // Progress<T> would post to the thread pool; the bar only needs the latest values, read on its own timer.
                var progress = new LatestProgress(p =>
                {
                    task.Value = p.Step;
                    task.Description = $"step {p.Step:N0}, L = {p.Loss:G3}";
                });
                result = Training.RunAndPolish(model, data, start, options, cancellationToken: stop.Token, progress: progress);
            });
            return result!;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    private sealed class LatestProgress(Action<TrainingProgress> show) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => show(value);
    }
}
