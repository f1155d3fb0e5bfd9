using IpcLab.Core.Runtime;

namespace IpcLab.Core.Scheduling;

/// <summary>
/// A policy that makes a run's choices: which ready thread steps next, and which waiter a signal
/// wakes. The kernel records every choice in its schedule, so any run can be replayed exactly.
/// (Manual scheduling needs no policy: the caller names the thread in <see cref="Kernel.Step"/>.)
/// </summary>
public interface IScheduler : IWaiterChooser
{
    /// <summary>How the policy is shown to a learner: "round-robin", "random (seed 42)".</summary>
    string Description { get; }

    /// <summary>Picks one of <paramref name="runnable"/> (never empty, in thread order).</summary>
    int ChooseThread(Kernel kernel, ReadOnlySpan<int> runnable);
}
