namespace IpcLab.Core.Explore;

/// <summary>
/// What an exhaustive exploration saw. <see cref="States"/> counts distinct logical states (equal
/// state hashes are one state), <see cref="Transitions"/> the steps tried from them, each choice of
/// a woken waiter a transition of its own. <see cref="DepthCut"/> states lay at the step bound and
/// were not expanded. Findings are ordered by the length of their shortest run.
/// </summary>
public sealed record ExploreReport(
    int States,
    long Transitions,
    int Depth,
    int FinalStates,
    int DepthCut,
    ExploreStop Stop,
    IReadOnlyList<ExploredFinding> Findings)
{
    /// <summary>True when the search saw every schedule: its "nothing found" is a statement about all of them.</summary>
    public bool IsExhaustive => Stop == ExploreStop.Complete && DepthCut == 0;

    /// <summary>The groups of threads the symmetry reduction treated as interchangeable (none when it was off or found none).</summary>
    public IReadOnlyList<InterchangeableThreads> Interchangeable { get; init; } = [];

    /// <summary>Thread steps the partial-order reduction did not take: each reaches a state another order of the same steps reaches in as many steps.</summary>
    public long SkippedSteps { get; init; }

    /// <summary>Steps the merging reduction took inside transitions: invisible steps whose states were not stored.</summary>
    public long MergedSteps { get; init; }

    /// <summary>Why a reduction asked for was not applied (or found nothing to reduce), in a few words; empty when each did its work.</summary>
    public IReadOnlyList<string> ReductionNotes { get; init; } = [];

    /// <summary>Bytes the visited set and its parent links held at the end (what every stored state costs).</summary>
    public long GraphBytes { get; init; }

    /// <summary>Bytes the queue of states still to expand held at its widest.</summary>
    public long FrontierBytes { get; init; }
}
