using IpcLab.Core.Runtime;

namespace IpcLab.Core.Scheduling;

/// <summary>Each ready thread in turn, one step each; signals wake the first waiter (FIFO).</summary>
public sealed class RoundRobinScheduler : IScheduler
{
    private int _last = -1;

    public string Description => "round-robin";

    public int ChooseThread(Kernel kernel, ReadOnlySpan<int> runnable)
    {
        foreach (var t in runnable)
        {
            if (t > _last)
            {
                return _last = t;
            }
        }

        return _last = runnable[0];
    }

    public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters) => waiters[0];
}
