using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Explore;

/// <summary>
/// The spurious wake-ups and crashes one sampled run injects (<see cref="CheckOptions.SpuriousWakeups"/>,
/// <see cref="CheckOptions.CrashThreads"/>): one or two a run, from its own generator seeded by the
/// run's seed. Each is due at a point drawn among the run's expected steps and made at the first
/// step from there where one of the choices can happen (a thread waits on a condition variable, a
/// thread or process to crash has not ended), chosen at random among those that can. A bug that
/// needs one injection at the right moment is then found about as often as one that needs one
/// preemption there; more injections a run would mostly end runs early for nothing.
/// </summary>
internal sealed class SampledInjections
{
    // Keeps the injections' numbers apart from the scheduler's, which uses the same seed.
    private const ulong SeedSalt = 0x9E37_79B9_7F4A_7C15;

    private readonly IReadOnlyList<ScheduleEntry> _choices;
    private readonly ScheduleEntry[] _possible;
    private readonly SeededRandom _random;
    private readonly int _span;
    private long _due;
    private int _left;

    public SampledInjections(IReadOnlyList<ScheduleEntry> choices, ulong seed, int expectedSteps)
    {
        _choices = choices;
        _possible = new ScheduleEntry[choices.Count];
        _random = new SeededRandom(seed ^ SeedSalt);
        _span = Math.Max(1, expectedSteps);
        _left = 1 + _random.Next(2);
        _due = _random.Next(_span);
    }

    /// <summary>The injection to make now, before the next step, or null.</summary>
    public ScheduleEntry? Due(Kernel kernel)
    {
        if (_left == 0 || kernel.StepCount < _due)
        {
            return null;
        }

        var n = 0;
        foreach (var choice in _choices)
        {
            if (InjectedChoices.CanInject(kernel, choice))
            {
                _possible[n++] = choice;
            }
        }

        // None can happen here: the injection waits for the first step where one can.
        if (n == 0)
        {
            return null;
        }

        _left--;
        _due = kernel.StepCount + 1 + _random.Next(_span);
        return _possible[_random.Next(n)];
    }
}
