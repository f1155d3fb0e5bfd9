using IpcLab.Core.Runtime;

namespace IpcLab.Core.Checking;

/// <summary>A run with an injected crash that lost or duplicated messages: its seed, the crash, its schedule and the messages (as text) it lost or duplicated.</summary>
public sealed record GuaranteeRun(
    ulong Seed,
    InjectedCrash? Crash,
    IReadOnlyList<ScheduleEntry> Schedule,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Duplicated);
