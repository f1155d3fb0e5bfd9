namespace IpcLab.Core.Explore;

/// <summary>Bounds of an exhaustive exploration (see <see cref="Explorer"/>).</summary>
public sealed record ExploreOptions
{
    public const int DefaultMaxStates = 1_000_000;

    /// <summary>Stop once this many distinct states are known, and say how far the search got.</summary>
    public int MaxStates { get; init; } = DefaultMaxStates;

    /// <summary>States this many steps from the start are not expanded (a program that never ends).</summary>
    public int MaxSteps { get; init; } = 10_000;

    /// <summary>
    /// Explore states that differ only by which of several interchangeable threads is which once
    /// (see <see cref="ThreadSymmetry"/>): fewer states, the same findings at the same shortest lengths.
    /// </summary>
    public bool Symmetry { get; init; }

    /// <summary>
    /// Skip a step that leads where the same steps in another order already led (sleep sets over
    /// steps that touch no common object): fewer transitions, the same states and findings.
    /// </summary>
    public bool PartialOrder { get; init; }

    /// <summary>
    /// Merge each thread's steps no other thread can observe into its next step, and store only the
    /// states between (see <see cref="MergingSearch"/>): fewer states, the same findings at the same
    /// shortest lengths in steps.
    /// </summary>
    public bool Merge { get; init; }

    /// <summary>Stop once the visited set and the queue of states to expand hold this many bytes, and say how far the search got.</summary>
    public long MaxMemory { get; init; } = long.MaxValue;

    /// <summary>From every state, also wake each thread waiting on a condition variable without a signal (a choice of its own).</summary>
    public bool SpuriousWakeups { get; init; }

    /// <summary>From every state, also crash each of these threads (by id) while it has not ended.</summary>
    public IReadOnlyList<int> CrashThreads { get; init; } = [];

    /// <summary>From every state, also crash each of these processes (by id) while it has not ended.</summary>
    public IReadOnlyList<int> CrashProcesses { get; init; } = [];

    /// <summary>
    /// Look up a state's successors in the visited set after the next state's expansion, when the
    /// memory they were fetched from has had time to answer (see <see cref="StateSpaceSearch"/>).
    /// Off, each state's right after it: the same report, more slowly. Only the tests turn it off,
    /// to show the two are the same.
    /// </summary>
    internal bool LookUpLate { get; init; } = true;
}
