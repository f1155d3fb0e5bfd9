namespace IpcLab.Core.Explore;

/// <summary>
/// What <see cref="Checker"/> saw over its runs. When something was found: the first run that
/// found it, the shortest such run, and that run's schedule shrunk further.
/// </summary>
public sealed record CheckReport(
    int Runs,
    int DistinctFinalStates,
    int RunsWithFindings,
    FoundRun? First,
    FoundRun? Shortest,
    FoundRun? Shrunk)
{
    /// <summary>Steps taken over all the runs (the sampling's work).</summary>
    public long Steps { get; init; }

    /// <summary>The steps of one round-robin run, among which PCT's change points fall (0 for uniformly random runs only).</summary>
    public int ExpectedSteps { get; init; }

    /// <summary>How the shortest run was shrunk and what that cost; null when nothing was found.</summary>
    public ShrinkResult? Shrink { get; init; }
}
