namespace IpcLab.Core.Runtime;

/// <summary>
/// The kernel at one step: a copy of the state array and the lengths of the logs. Restoring it
/// truncates the event log, the schedule and the findings back to those lengths, so it must be a
/// snapshot of the current history (an earlier step of this run, or the present): <see cref="LastEntryId"/>,
/// the identity of the schedule entry it was taken after, lets the kernel check that.
/// </summary>
public sealed record KernelSnapshot(long[] Data, int Step, int EventCount, int ScheduleCount, int FindingCount, bool Concluded, long LastEntryId);
