using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>A run that found something: the seed that produced it, what it found, and its schedule.</summary>
public sealed record FoundRun(ulong Seed, IReadOnlyList<Finding> Findings, IReadOnlyList<ScheduleEntry> Schedule)
{
    public Finding Main => Findings[0];

    /// <summary>The scheduler the seed was run with, in words ("random", "pct depth 2").</summary>
    public string Scheduler { get; init; } = "random";
}
