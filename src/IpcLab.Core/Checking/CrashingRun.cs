using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Checking;

/// <summary>
/// One run under a seeded random schedule that crashes a process at the <c>target</c>-th crash
/// point it passes (counting from 0; -1: no crash). A crash point is the moment before or after
/// a thread's crash-point statement (<see cref="CrashPoints"/>); the crash is a schedule entry
/// like any other, so the run replays, saves and shrinks exactly.
/// </summary>
public static class CrashingRun
{
    /// <summary>Runs to the end; returns how many crash points the run passed and the one it crashed at, if any.</summary>
    public static (int Points, InjectedCrash? Crash) Run(Kernel kernel, IScheduler scheduler, int target)
    {
        Span<int> runnable = stackalloc int[kernel.Layout.ThreadCount];
        var points = 0;
        InjectedCrash? crash = null;
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

            var thread = scheduler.ChooseThread(kernel, runnable[..n]);
            var instr = kernel.NextInstruction(thread);
            var isPoint = instr is not null && CrashPoints.IsCrashPoint(instr.Op) && SomeoneTakesOver(kernel, thread);
            if (isPoint && points++ == target)
            {
                crash = Inject(kernel, thread, instr!, CrashMoment.Before);
                continue;
            }

            kernel.Step(thread, scheduler);

            // "After" is the statement completed by the thread's own step: a send that blocked and
            // is completed later by a receiver has no "after" point of its own.
            if (isPoint && !kernel.HasEnded(thread) && !ReferenceEquals(kernel.NextInstruction(thread), instr) && points++ == target)
            {
                crash = Inject(kernel, thread, instr!, CrashMoment.After);
            }

            if (isPoint && LeaderCrashPoint.LeaderAfter(kernel, thread, instr!) is var leader and >= 0 && points++ == target)
            {
                crash = Inject(kernel, leader, instr!, CrashMoment.LeaderAfter);
            }
        }

        kernel.Conclude();
        return (points, crash);
    }

    /// <summary>
    /// A crash counts only while a thread of another process that handles messages has not ended
    /// (it may still be waiting to be spawned): it can take the work over. Crashing the last
    /// consumer standing loses whatever it had not handled in every program alike, which says
    /// nothing about the program's guarantee.
    /// </summary>
    private static bool SomeoneTakesOver(Kernel kernel, int thread)
    {
        var process = kernel.Layout.ProcessOf(thread);
        foreach (var t in kernel.Program.Threads)
        {
            if (kernel.Layout.ProcessOf(t.Id) != process && !kernel.HasEnded(t.Id) && t.Code.Any(c => CrashPoints.Handles(c.Op)))
            {
                return true;
            }
        }

        return false;
    }

    private static InjectedCrash Inject(Kernel kernel, int thread, Instr instr, CrashMoment moment)
    {
        var process = kernel.Layout.ProcessOf(thread);
        var step = kernel.StepCount + 1;
        if (process >= 0 && kernel.WhyCannotCrashProcess(process) is null)
        {
            kernel.InjectProcessCrash(process);
        }
        else
        {
            kernel.InjectCrash(thread);
        }

        return new InjectedCrash(thread, kernel.ThreadName(thread), instr.Op, instr.Pos, moment, step);
    }
}
