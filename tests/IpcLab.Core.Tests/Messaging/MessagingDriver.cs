using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Messaging;

/// <summary>
/// Drives a run through generated choices, with injected crashes of threads and of whole
/// processes, and hands each step's events to a check together with a value captured just
/// before the step (for example, who was a member of a group then).
/// </summary>
public static class MessagingDriver
{
    /// <summary>
    /// At step i, x = injections[i mod len]: x mod 23 = 22 crashes a live thread (started and not
    /// ended), x mod 31 = 30 crashes a live process; otherwise a ready thread steps. Then the run is concluded.
    /// </summary>
    public static void Run<TBefore>(
        Kernel kernel,
        ChoiceScheduler scheduler,
        IReadOnlyList<int> injections,
        Func<Kernel, TBefore> before,
        Action<Kernel, TBefore, KernelEvent[]> check)
    {
        var threads = Enumerable.Range(0, kernel.Layout.ThreadCount).ToArray();
        var runnable = new int[threads.Length];
        for (var i = 0; kernel.StepCount < 3000; i++)
        {
            var seen = before(kernel);
            var firstEvent = kernel.Events.Count;
            var x = injections.Count == 0 ? 0 : injections[i % injections.Count] & int.MaxValue;
            var alive = threads.Where(t => kernel.WhyCannotCrash(t) is null).ToArray();
            var liveProcesses = Enumerable.Range(0, kernel.Program.Processes.Count).Where(p => kernel.WhyCannotCrashProcess(p) is null).ToArray();
            if (x % 23 == 22 && alive.Length > 0)
            {
                kernel.InjectCrash(alive[x / 23 % alive.Length]);
            }
            else if (x % 31 == 30 && liveProcesses.Length > 0)
            {
                kernel.InjectProcessCrash(liveProcesses[x / 31 % liveProcesses.Length]);
            }
            else
            {
                var n = kernel.CollectRunnable(runnable);
                if (n == 0)
                {
                    break;
                }

                kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
            }

            check(kernel, seen, kernel.Events.Skip(firstEvent).ToArray());
            foreach (var t in threads)
            {
                if (kernel.StatusOf(t) is ThreadStatus.Finished or ThreadStatus.Faulted)
                {
                    Assert.True(kernel.WaitObjectOf(t) < 0, $"{kernel.ThreadName(t)} has ended but waits on an object\n{KernelTestKit.Trace(kernel)}");
                }
            }
        }

        kernel.Conclude();
    }

    /// <summary>The events of the given kinds on one object, in order.</summary>
    public static KernelEvent[] Of(IEnumerable<KernelEvent> events, int obj, params EventKind[] kinds) =>
        events.Where(e => e.Object == obj && kinds.Contains(e.Kind)).ToArray();
}
