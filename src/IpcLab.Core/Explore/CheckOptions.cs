namespace IpcLab.Core.Explore;

/// <summary>How many seeded random runs to make, from which seed, and the step budget of each.</summary>
public sealed record CheckOptions
{
    public const int DefaultRuns = 1000;

    public const int DefaultPctDepth = 3;

    public int Runs { get; init; } = DefaultRuns;

    /// <summary>Run i uses seed Seed + i.</summary>
    public ulong Seed { get; init; } = 1;

    public int MaxSteps { get; init; } = 10_000;

    /// <summary>Also choose at random which waiter a signal wakes (FIFO otherwise).</summary>
    public bool RandomWaiters { get; init; }

    /// <summary>How each run's schedule is made from its seed.</summary>
    public SamplingStrategy Strategy { get; init; } = SamplingStrategy.Portfolio;

    /// <summary>With <see cref="SamplingStrategy.Pct"/>: the bug depth d aimed at (d - 1 priority change points a run).</summary>
    public int PctDepth { get; init; } = DefaultPctDepth;

    /// <summary>Inject spurious wake-ups of threads waiting on a condition variable, at random points of each run (<see cref="SampledInjections"/>).</summary>
    public bool SpuriousWakeups { get; init; }

    /// <summary>Crash these threads (by id) at random points of each run.</summary>
    public IReadOnlyList<int> CrashThreads { get; init; } = [];

    /// <summary>Crash these processes (by id) at random points of each run.</summary>
    public IReadOnlyList<int> CrashProcesses { get; init; } = [];

    /// <summary>
    /// How many threads share the runs out (0: one a processor). The report is the same whatever
    /// the number: each run depends only on its seed, and the runs are tallied in seed order.
    /// </summary>
    public int Workers { get; init; }

    /// <summary>Told how many runs are done before each run (a progress line); null when nobody asks.</summary>
    public Action<int>? Progress { get; init; }

    /// <summary>Told what the shrinker is doing on long work, in a sentence; null when nobody asks.</summary>
    public Action<string>? ShrinkProgress { get; init; }

    /// <summary>Stops the check between two runs: it then throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }
}
