using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Processes: a crash of a whole process, and what it leaves behind.
public sealed partial class Kernel
{
    /// <summary>True while at least one thread of the process has not ended.</summary>
    public bool IsProcessAlive(int process)
    {
        foreach (var t in Program.Processes[process].Threads)
        {
            if (!HasEnded(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Crashes a whole process (a step of its own): each of its live threads stops and leaves every
    /// wait queue; its descriptors are closed, so peers see end-of-file or a reset; it leaves every
    /// group. What it held in shared memory stays held.
    /// </summary>
    public void InjectProcessCrash(int process)
    {
        if (WhyCannotCrashProcess(process) is { } why)
        {
            throw new InvalidOperationException(why);
        }

        StepCount++;
        CrashProcess(process, -1, -1);
        PassTime();
        RecordEntry(new ScheduleEntry(ScheduleEntryKind.ProcessCrash, process));
        AssertInvariantsIfEnabled();
    }

    /// <summary>Stops every live thread of a process and lets each object kind clean up after it.</summary>
    /// <param name="actor">The thread whose step crashed the process (a scripted crash), or -1 when injected.</param>
    private void CrashProcess(int process, int actor, int pc)
    {
        var message = Strings.Intern($"crashed: process {Program.Processes[process].Name} crashed");
        var alive = 0;
        foreach (var t in Program.Processes[process].Threads)
        {
            if (HasEnded(t))
            {
                continue;
            }

            alive++;
            SetStatus(t, ThreadStatus.Faulted);
            LeaveWaitQueue(t);
            _data[Layout.ThreadField(t, StateLayout.FaultField)] = message;
        }

        Emit(EventKind.ProcessCrashed, actor, pc, other: process, value: alive);
        AfterProcessEnded(process);
    }

    /// <summary>What every end of a process leaves to clean up: robust mutexes pass on, descriptors close, groups forget it.</summary>
    private void AfterProcessEnded(int process)
    {
        foreach (var t in Program.Processes[process].Threads)
        {
            HandOverOrphanedMutexes(t);
        }

        UnmapAll(process);
        ProcessEnded(process);
        LeaveGroupsOfProcess(process);
    }

    /// <summary><c>spawn P</c>: the threads of process P, waiting not started, become ready.</summary>
    private void DoSpawn(int t, int pc, Instr instr)
    {
        var process = Program.Processes[instr.A];
        if (process.Threads.Any(x => StatusOf(x) != ThreadStatus.NotStarted))
        {
            throw new ThreadFaultException($"spawns {process.Name}, which has already been spawned (a process starts once)");
        }

        foreach (var x in process.Threads)
        {
            SetStatus(x, ThreadStatus.Ready);
        }

        Emit(EventKind.Spawned, t, pc, other: instr.A, value: process.Threads.Count);
        MoveTo(t, instr.Next);
    }

    /// <summary><c>exit</c>: the caller's whole process ends normally; its other threads stop where they are.</summary>
    private void DoExit(int t, int pc, Instr instr)
    {
        var process = Layout.ProcessOf(t);
        var stopped = 0;
        foreach (var x in Program.Processes[process].Threads)
        {
            if (x != t && !HasEnded(x))
            {
                stopped++;
                LeaveWaitQueue(x);
                SetStatus(x, ThreadStatus.Finished);
                _data[Layout.ThreadField(x, StateLayout.PcField)] = -1;
            }
        }

        Emit(EventKind.ProcessExited, t, pc, other: process, value: stopped);
        MoveTo(t, -1);
        AfterProcessEnded(process);
    }

    /// <summary><c>crash</c>: the caller's whole process crashes here (a scripted crash).</summary>
    private void DoCrashProcess(int t, int pc) => CrashProcess(Layout.ProcessOf(t), t, pc);

    /// <summary>Takes a crashed process's threads out of every group (multicast, anycast, broadcast).</summary>
    partial void LeaveGroupsOfProcess(int process);
}
