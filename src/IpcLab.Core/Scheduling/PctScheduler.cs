using IpcLab.Core.Runtime;

namespace IpcLab.Core.Scheduling;

/// <summary>
/// Probabilistic concurrency testing (PCT, Burckhardt et al. 2010, as Coyote and shuttle do it):
/// every thread gets a distinct random priority and the highest-priority thread that can run
/// always runs; at <c>depth - 1</c> random steps of the run (the change points, drawn from the first
/// <paramref name="expectedSteps"/>) the thread about to run drops below every other. A bug that
/// needs d threads to be preempted at the right moments is found with probability at least
/// 1 / (n · k^(d-1)) per run for n threads and k steps, where a uniformly random schedule can be
/// exponentially less likely: a long run where one thread keeps the processor is what a random
/// schedule almost never makes. Priorities are not fair: a thread that spins (`while not
/// trylock m`) at the top priority would keep the processor for ever and the run would end in a
/// false "step budget" finding, so past twice the expected length of a run, or half the kernel's
/// step budget if that comes first (Coyote's fair PCT does the same), it picks uniformly at random. Signals wake the first waiter unless
/// <paramref name="randomWaiters"/>.
/// </summary>
public sealed class PctScheduler : IScheduler
{
    private readonly SeededRandom _random;
    private readonly bool _randomWaiters;
    private readonly int[] _priority;
    private readonly int[] _changeAt;
    private readonly int _fairFrom;
    private int _changesMade;

    /// <param name="seed">The seed: priorities, change points and (with random waiters) waiters come from it.</param>
    /// <param name="threads">How many threads the program has.</param>
    /// <param name="depth">The bug depth d aimed at: d - 1 change points (1: none, priorities only).</param>
    /// <param name="expectedSteps">About how many steps a run takes; the change points fall among them.</param>
    /// <param name="randomWaiters">Also choose at random which waiter a signal wakes.</param>
    public PctScheduler(ulong seed, int threads, int depth, int expectedSteps, bool randomWaiters = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        Seed = seed;
        Depth = depth;
        _random = new SeededRandom(seed);
        _randomWaiters = randomWaiters;

        // A random permutation (Fisher-Yates) of the priorities above the change points' own:
        // the i-th change point lowers a thread to depth - 1 - i, below every starting priority.
        _priority = new int[threads];
        for (var t = 0; t < threads; t++)
        {
            _priority[t] = depth + t;
        }

        for (var t = threads - 1; t > 0; t--)
        {
            var other = _random.Next(t + 1);
            (_priority[t], _priority[other]) = (_priority[other], _priority[t]);
        }

        _changeAt = new int[depth - 1];
        for (var i = 0; i < _changeAt.Length; i++)
        {
            _changeAt[i] = 1 + _random.Next(Math.Max(1, expectedSteps));
        }

        Array.Sort(_changeAt);
        _fairFrom = 2 * Math.Max(expectedSteps, 25);
    }

    public ulong Seed { get; }

    public int Depth { get; }

    public string Description => $"pct (seed {Seed}, depth {Depth}{(_randomWaiters ? ", random waiters" : "")})";

    public int ChooseThread(Kernel kernel, ReadOnlySpan<int> runnable)
    {
        var step = kernel.StepCount + 1;
        if (step > _fairFrom || step > kernel.Options.MaxSteps / 2)
        {
            return runnable[_random.Next(runnable.Length)];
        }

        var chosen = Highest(runnable);

        // Two change points may fall on one step: each lowers the thread that would run then.
        while (_changesMade < _changeAt.Length && _changeAt[_changesMade] <= step)
        {
            _changesMade++;
            _priority[chosen] = Depth - _changesMade;
            chosen = Highest(runnable);
        }

        return chosen;
    }

    public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters) =>
        _randomWaiters ? waiters[_random.Next(waiters.Count)] : waiters[0];

    private int Highest(ReadOnlySpan<int> runnable)
    {
        var best = runnable[0];
        foreach (var t in runnable[1..])
        {
            if (_priority[t] > _priority[best])
            {
                best = t;
            }
        }

        return best;
    }
}
