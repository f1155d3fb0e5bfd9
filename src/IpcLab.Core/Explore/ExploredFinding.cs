using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// The shortest run to one kind of finding: no schedule reaches a finding of this kind in fewer
/// steps (the search is breadth-first). <see cref="Findings"/> are what the run's last step or its
/// end reported.
/// </summary>
public sealed record ExploredFinding(FindingKind Kind, IReadOnlyList<Finding> Findings, IReadOnlyList<ScheduleEntry> Schedule)
{
    public Finding Main => Findings.First(f => f.Kind == Kind);
}
