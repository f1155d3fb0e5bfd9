using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>
/// A scheduler driven by generated numbers, so FsCheck can explore and shrink schedules: step i
/// runs <c>runnable[threadChoices[i mod len] mod n]</c>, and the k-th signal with several waiters
/// wakes <c>waiters[waiterChoices[k mod len] mod n]</c>. Empty lists mean "always the first", the
/// point every schedule shrinks towards.
/// </summary>
public sealed class ChoiceScheduler(IReadOnlyList<int> threadChoices, IReadOnlyList<int> waiterChoices) : IScheduler
{
    private int _threadIndex;
    private int _waiterIndex;

    public string Description => "generated choices";

    public int ChooseThread(Kernel kernel, ReadOnlySpan<int> runnable) =>
        runnable[Pick(threadChoices, _threadIndex++, runnable.Length)];

    public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters) =>
        waiters[Pick(waiterChoices, _waiterIndex++, waiters.Count)];

    /// <summary>A generated number (any sign) turned into an index below <paramref name="n"/>.</summary>
    public static int Pick(IReadOnlyList<int> choices, int index, int n)
    {
        if (choices.Count == 0 || n <= 1)
        {
            return 0;
        }

        var c = choices[index % choices.Count] % n;
        return c < 0 ? c + n : c;
    }
}
