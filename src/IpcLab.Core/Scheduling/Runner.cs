using IpcLab.Core.Runtime;

namespace IpcLab.Core.Scheduling;

/// <summary>Drives a kernel with a scheduler, or through a saved schedule, to the end of the run.</summary>
public static class Runner
{
    /// <summary>Steps until no thread can run or the step budget is used, then concludes the run.</summary>
    public static RunResult Run(Kernel kernel, IScheduler scheduler)
    {
        Span<int> runnable = stackalloc int[kernel.Layout.ThreadCount];
        while (true)
        {
            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                break;
            }

            if (kernel.StepCount >= kernel.Options.MaxSteps)
            {
                kernel.ExhaustBudget();
                break;
            }

            kernel.Step(scheduler.ChooseThread(kernel, runnable[..n]), scheduler);
        }

        kernel.Conclude();
        return RunResult.Of(kernel);
    }

    /// <summary>
    /// Applies a saved schedule exactly, entry by entry, then concludes if no thread can run.
    /// A schedule that does not fit the program (a thread that cannot run at that point) is an error.
    /// </summary>
    /// <exception cref="ReplayException">The schedule does not fit the program.</exception>
    public static RunResult Replay(Kernel kernel, IReadOnlyList<ScheduleEntry> schedule, int? upTo = null)
    {
        var count = Math.Min(schedule.Count, upTo ?? int.MaxValue);
        var error = TryApply(kernel, schedule, count);
        if (error is not null)
        {
            throw error;
        }

        if (count == schedule.Count && kernel.StepCount >= kernel.Options.MaxSteps && !kernel.IsOver)
        {
            kernel.ExhaustBudget();
        }

        kernel.Conclude();
        return RunResult.Of(kernel);
    }

    /// <summary>Applies the first <paramref name="count"/> entries; returns why one did not fit, or null.</summary>
    public static ReplayException? TryApply(Kernel kernel, IReadOnlyList<ScheduleEntry> schedule, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var entry = schedule[i];
            if (entry.Kind == ScheduleEntryKind.ProcessCrash)
            {
                var processes = kernel.Program.Processes;
                if (entry.Thread < 0 || entry.Thread >= processes.Count)
                {
                    return new ReplayException(i, $"entry {i + 1} names process #{entry.Thread}, which the program does not have");
                }

                if (kernel.WhyCannotCrashProcess(entry.Thread) is { } cannot)
                {
                    return new ReplayException(i, $"entry {i + 1} (step {kernel.StepCount + 1}): {cannot}");
                }

                kernel.Apply(entry);
                continue;
            }

            if (entry.Thread < 0 || entry.Thread >= kernel.Layout.ThreadCount)
            {
                return new ReplayException(i, $"entry {i + 1} names thread #{entry.Thread}, which the program does not have");
            }

            var why = entry.Kind switch
            {
                ScheduleEntryKind.Run => kernel.WhyCannotRun(entry.Thread),
                ScheduleEntryKind.SpuriousWakeup when kernel.StatusOf(entry.Thread) != ThreadStatus.Waiting =>
                    $"{kernel.ThreadName(entry.Thread)} is not waiting on a condition variable",
                ScheduleEntryKind.Crash => kernel.WhyCannotCrash(entry.Thread),
                ScheduleEntryKind.LostAck => kernel.WhyCannotLoseAck(entry.Thread),
                _ => null,
            };
            if (why is null && entry.Woken >= 0 && !WakesValid(kernel, entry))
            {
                why = $"{kernel.ThreadName(entry.Woken)} is not among the waiters the step could wake";
            }

            if (why is not null)
            {
                return new ReplayException(i, $"entry {i + 1} (step {kernel.StepCount + 1}): {why}");
            }

            kernel.Apply(entry);
        }

        return null;
    }

    /// <summary>A recorded wake-up choice must name a thread that waits on the condition the step signals.</summary>
    private static bool WakesValid(Kernel kernel, ScheduleEntry entry)
    {
        var instr = kernel.NextInstruction(entry.Thread);
        return instr is { Op: Model.OpCode.Signal } && kernel.WaitersOf(instr.A).Contains(entry.Woken);
    }
}
