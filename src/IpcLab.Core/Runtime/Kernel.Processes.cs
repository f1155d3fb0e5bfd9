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
            if (StatusOf(t) is not (ThreadStatus.Finished or ThreadStatus.Faulted))
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
        if (_concluded || process < 0 || process >= Program.Processes.Count || !IsProcessAlive(process))
        {
            throw new InvalidOperationException(process >= 0 && process < Program.Processes.Count
                ? $"process {Program.Processes[process].Name} has already ended"
                : $"there is no process #{process}");
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
            if (StatusOf(t) is ThreadStatus.Finished or ThreadStatus.Faulted)
            {
                continue;
            }

            alive++;
            SetStatus(t, ThreadStatus.Faulted);
            LeaveWaitQueue(t);
            _data[Layout.ThreadField(t, StateLayout.FaultField)] = message;
        }

        Emit(EventKind.ProcessCrashed, actor, pc, other: process, value: alive);
        CloseSocketsOfProcess(process);
        LeaveGroupsOfProcess(process);
    }

    /// <summary>Closes a crashed process's descriptors (sockets): peers see end-of-file or a reset.</summary>
    partial void CloseSocketsOfProcess(int process);

    /// <summary>Takes a crashed process's threads out of every group (multicast, anycast, broadcast).</summary>
    partial void LeaveGroupsOfProcess(int process);
}
