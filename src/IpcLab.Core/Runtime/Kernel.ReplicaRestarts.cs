using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;

namespace IpcLab.Core.Runtime;

// Restarting a crashed broker of a replicated topic, injected from outside (a step of its own).
public sealed partial class Kernel
{
    /// <summary>Why the process cannot be restarted now, or null when it is a replicated topic's broker that crashed.</summary>
    public string? WhyCannotRestartProcess(int process) =>
        process < 0 || process >= Program.Processes.Count ? $"there is no process #{process}"
        : _concluded ? "the run has ended"
        : ReplicaRestart.WhyNot(this, process);

    /// <summary>
    /// Restarts the crashed broker process of a replicated topic (a step of its own): it comes back
    /// as a follower of every partition, truncates its log to the high-water mark it knew, and
    /// fetches until it rejoins the ISR (see <see cref="ReplicaRestart"/>).
    /// </summary>
    public void InjectProcessRestart(int process)
    {
        if (WhyCannotRestartProcess(process) is { } why)
        {
            throw new InvalidOperationException(why);
        }

        StepCount++;
        var fetch = _code[Program.Processes[process].Threads[0]][0];
        ReplicaRestart.Restart(this, -1, -1, Program.Objects[fetch.A], fetch.B);
        PassTime();
        RecordEntry(new ScheduleEntry(ScheduleEntryKind.ProcessRestart, process));
        AssertInvariantsIfEnabled();
    }
}
