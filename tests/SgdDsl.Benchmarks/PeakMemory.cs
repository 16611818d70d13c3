using System.Diagnostics;

namespace SgdDsl.Benchmarks;

/// <summary>
/// Runs work while a background thread samples the managed heap every millisecond (GC.GetTotalMemory(false)) and
/// prints its time, the heap's peak, the bytes allocated and the process's peak working set.
/// </summary>
public static class PeakMemory
{
    public static void Measure(string what, Func<string> work)
    {
        var process = Process.GetCurrentProcess();
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var start = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        long peak = start;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        sampler.Start();
        var watch = Stopwatch.StartNew();
        var result = work();
        watch.Stop();
        stop.Cancel();
        sampler.Join();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        process.Refresh();
        Console.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:F2} s; {result}");
        Console.WriteLine($"  managed heap peak {Mb(peak)} (+{Mb(peak - start)} over its start), allocated {Mb(allocated)} in total, " +
                          $"process peak working set so far {Mb(process.PeakWorkingSet64)}.");
    }

    public static string Mb(long bytes) => $"{bytes / 1e6:F1} MB";
}
