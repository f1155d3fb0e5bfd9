using IpcLab.Core.Runtime;

namespace IpcLab.Core.Scheduling;

/// <summary>
/// A random walk that mostly lets a thread go on (Coyote's probabilistic random strategy): the
/// thread that ran last runs again while it can, except that with probability 1 / <paramref name="switchOneIn"/>
/// at each step, or when it cannot run, a uniformly random ready thread runs instead. Most threads
/// then run whole stretches of their code (to the lock they block on, the wait they join) and
/// interleave at those points: the schedules behind lost wake-ups, where many threads must wait
/// at once, which a uniformly random choice at every step almost never makes.
/// Signals wake the first waiter unless <paramref name="randomWaiters"/>.
/// </summary>
public sealed class StickyScheduler(ulong seed, int switchOneIn, bool randomWaiters = false) : IScheduler
{
    private readonly SeededRandom _random = new(seed);
    private int _last = -1;

    public ulong Seed { get; } = seed;

    public string Description => $"sticky random (seed {Seed}, a switch one step in {switchOneIn}{(randomWaiters ? ", random waiters" : "")})";

    public int ChooseThread(Kernel kernel, ReadOnlySpan<int> runnable)
    {
        if (runnable.Contains(_last) && _random.Next(switchOneIn) != 0)
        {
            return _last;
        }

        return _last = runnable.Length == 1 ? runnable[0] : runnable[_random.Next(runnable.Length)];
    }

    public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters) =>
        randomWaiters ? waiters[_random.Next(waiters.Count)] : waiters[0];
}
