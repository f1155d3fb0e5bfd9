using IpcLab.Core.Runtime;

namespace IpcLab.Tui.App;

/// <summary>
/// What "find the bug" found, in words, and the run to open (null when nothing was found).
/// <see cref="Exhaustive"/> is true when every schedule was explored: the run is then a shortest
/// one, and "nothing found" is a statement about every schedule.
/// </summary>
public sealed record BugReport(string Summary, IReadOnlyList<ScheduleEntry>? Shortest, bool Exhaustive);
