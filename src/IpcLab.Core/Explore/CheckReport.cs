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
    FoundRun? Shrunk);
