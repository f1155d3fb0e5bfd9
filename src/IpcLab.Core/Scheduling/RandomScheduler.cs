using IpcLab.Core.Runtime;

namespace IpcLab.Core.Scheduling;

/// <summary>
/// A uniformly random ready thread at each step, from a seed. Signals wake the first waiter
/// (FIFO) unless <paramref name="randomWaiters"/> is set, in which case the waiter is random too.
/// </summary>
public sealed class RandomScheduler(ulong seed, bool randomWaiters = false) : IScheduler
{
    private readonly SeededRandom _random = new(seed);

    public ulong Seed { get; } = seed;

    public string Description => randomWaiters ? $"random (seed {Seed}, random waiters)" : $"random (seed {Seed})";

    public int ChooseThread(Kernel kernel, ReadOnlySpan<int> runnable) =>
        runnable.Length == 1 ? runnable[0] : runnable[_random.Next(runnable.Length)];

    public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters) =>
        randomWaiters ? waiters[_random.Next(waiters.Count)] : waiters[0];
}
