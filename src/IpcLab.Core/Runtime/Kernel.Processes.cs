using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

// Processes: a crash of a whole process, and what it leaves behind.
public sealed partial class Kernel
{
    /// <summary>True while at least one thread of the process has not ended.</summary>
    public bool IsProcessAlive(int process)
    {
        var threads = Program.Processes[process].Threads;
        for (var i = 0; i < threads.Count; i++)
        {
            if (!HasEnded(threads[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Crashes a whole process (a step of its own): each of its live threads stops and leaves every
    /// wait queue; its descriptors are closed, so peers see end-of-file or a reset; it leaves every
    /// group. What it held in shared memory stays held. The broker's process crashes as a broker
    /// does instead: it is down until its own thread's next step restarts it, as a supervised broker
    /// is (see <see cref="Objects.Broker.BrokerRestart"/>), and so does the broker process of a
    /// replicated topic's replica (see <see cref="Objects.Topic.ReplicaFailover"/>).
    /// </summary>
    public void InjectProcessCrash(int process)
    {
        if (WhyCannotCrashProcess(process) is { } why)
        {
            throw new InvalidOperationException(why);
        }

        StepCount++;
        if (Objects.Broker.BrokerRestart.IsBrokerProcess(this, process))
        {
            Objects.Broker.BrokerRestart.Crash(this, -1, -1, Objects.Broker.BrokerParts.Find(Program)!);
        }
        else if (Objects.Topic.ReplicaFailover.BrokerOfProcess(Program, process) is var (topic, replica))
        {
            Objects.Topic.ReplicaFailover.Crash(this, -1, -1, topic, replica);
        }
        else
        {
            CrashProcess(process, -1, -1);
        }

        PassTime();
        RecordEntry(new ScheduleEntry(ScheduleEntryKind.ProcessCrash, process));
        AssertInvariantsIfEnabled();
    }

    /// <summary>After a thread ended: each module's objects let go of it (a robust mutex it held passes on).</summary>
    private void ThreadEnded(int t)
    {
        // By index: a foreach over the interface would allocate an enumerator at every thread's end.
        var modules = ObjectModules.All;
        for (var i = 0; i < modules.Count; i++)
        {
            modules[i].OnThreadEnd(this, t);
        }
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

    /// <summary>What every end of a process leaves to clean up: robust mutexes pass on, descriptors close, mappings go, groups forget it.</summary>
    private void AfterProcessEnded(int process)
    {
        foreach (var t in Program.Processes[process].Threads)
        {
            ThreadEnded(t);
        }

        foreach (var module in ObjectModules.All)
        {
            module.OnProcessEnd(this, process, lastThread: -1);
        }
    }
}
