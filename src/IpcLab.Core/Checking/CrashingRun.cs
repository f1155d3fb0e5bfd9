using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Checking;

/// <summary>
/// One run under a seeded random schedule that crashes a process at the <c>target</c>-th crash
/// point it passes (counting from 0; -1: no crash). A crash point is the moment before or after
/// a thread's crash-point statement (<see cref="CrashPoints"/>), and the kind of crash: the
/// thread's process, or, in a program with a broker, the broker (down until its own step restarts it); or the lost
/// acknowledgement of a retrying producer's produce (<see cref="CrashPointKind.LostAck"/>). The crash is a
/// schedule entry like any other, so the run replays, saves and shrinks exactly.
/// </summary>
public static class CrashingRun
{
    /// <summary>Runs to the end; returns how many crash points the run passed and the one it crashed at, if any.</summary>
    public static (int Points, InjectedCrash? Crash) Run(Kernel kernel, IScheduler scheduler, int target) => Run(kernel, scheduler, target, out _);

    /// <summary>As <see cref="Run(Kernel, IScheduler, int)"/>, and says which kinds of crash point the run passed.</summary>
    public static (int Points, InjectedCrash? Crash) Run(Kernel kernel, IScheduler scheduler, int target, out CrashPointKind kinds)
    {
        kinds = CrashPointKind.None;
        Span<int> runnable = stackalloc int[kernel.Layout.ThreadCount];
        var broker = BrokerProcess(kernel);
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
            var isStatement = instr is not null && CrashPoints.IsCrashPoint(instr.Op);
            // A replica's broker that is down (its step restarts it) cannot crash again.
            var isPoint = isStatement && SomeoneTakesOver(kernel, thread) && (instr!.Op != OpCode.ReplicaFetch || kernel.WhyCannotCrash(thread) is null);
            // A broker that is down (crashed by the program, not restarted yet) cannot crash again.
            var isBrokerPoint = isStatement && broker >= 0 && kernel.WhyCannotCrashProcess(broker) is null;
            var losesAck = isStatement && instr!.Op == OpCode.Produce && kernel.WhyCannotLoseAck(thread) is null;
            var pointKind = instr?.Op == OpCode.ReplicaFetch ? CrashPointKind.FollowerCrash : CrashPointKind.ClientStatement;
            kinds |= (isPoint ? pointKind : 0) | (isBrokerPoint ? CrashPointKind.BrokerRestart : 0) | (losesAck ? CrashPointKind.LostAck : 0);
            if (isPoint && points++ == target)
            {
                crash = Inject(kernel, thread, instr!, CrashMoment.Before, -1);
                continue;
            }

            if (isBrokerPoint && points++ == target)
            {
                crash = Inject(kernel, thread, instr!, CrashMoment.Before, broker);
                continue;
            }

            // No crash here: the produce runs and its acknowledgement is lost, so it counts even
            // when no other process could take the producer's work over.
            if (losesAck && points++ == target)
            {
                kernel.InjectLostAck(thread);
                crash = new InjectedCrash(thread, kernel.ThreadName(thread), instr!.Op, instr.Pos, CrashMoment.AckLost, kernel.StepCount);
                continue;
            }

            kernel.Step(thread, scheduler);

            // "After" is the statement completed by the thread's own step: a send that blocked and
            // is completed later by a receiver has no "after" point of its own.
            var completed = isStatement && !kernel.HasEnded(thread) && !ReferenceEquals(kernel.NextInstruction(thread), instr);
            if (completed && isPoint && points++ == target)
            {
                crash = Inject(kernel, thread, instr!, CrashMoment.After, -1);
            }
            else if (completed && isBrokerPoint && kernel.WhyCannotCrashProcess(broker) is null && points++ == target)
            {
                crash = Inject(kernel, thread, instr!, CrashMoment.After, broker);
            }

            var leader = isPoint ? LeaderCrashPoint.LeaderAfter(kernel, thread, instr!) : -1;
            kinds |= leader >= 0 ? CrashPointKind.LeaderCrash : 0;
            if (leader >= 0 && points++ == target)
            {
                crash = Inject(kernel, leader, instr!, CrashMoment.LeaderAfter, -1);
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

    /// <summary>The broker's process, or -1 in a program without a broker.</summary>
    private static int BrokerProcess(Kernel kernel)
    {
        var brokerThread = kernel.Program.Threads.FirstOrDefault(t => t.Code is [{ Op: OpCode.BrokerWork }]);
        return brokerThread is null ? -1 : kernel.Layout.ProcessOf(brokerThread.Id);
    }

    /// <param name="broker">The broker's process, to restart the broker instead of crashing the thread's process; -1 otherwise.</param>
    private static InjectedCrash Inject(Kernel kernel, int thread, Instr instr, CrashMoment moment, int broker)
    {
        var process = kernel.Layout.ProcessOf(thread);
        var step = kernel.StepCount + 1;
        if (broker >= 0)
        {
            kernel.InjectProcessCrash(broker);
            return new InjectedCrash(thread, kernel.ThreadName(thread), instr.Op, instr.Pos, moment, step) { Broker = kernel.Program.Processes[broker].Name };
        }

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
