namespace IpcLab.Core.Explore;

/// <summary>How many seeded random runs to make, from which seed, and the step budget of each.</summary>
public sealed record CheckOptions
{
    public const int DefaultRuns = 1000;

    public int Runs { get; init; } = DefaultRuns;

    /// <summary>Run i uses seed Seed + i.</summary>
    public ulong Seed { get; init; } = 1;

    public int MaxSteps { get; init; } = 10_000;

    /// <summary>Also choose at random which waiter a signal wakes (FIFO otherwise).</summary>
    public bool RandomWaiters { get; init; }

    /// <summary>Told how many runs are done before each run (a progress line); null when nobody asks.</summary>
    public Action<int>? Progress { get; init; }

    /// <summary>Stops the check between two runs: it then throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }
}
