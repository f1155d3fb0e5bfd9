using IpcLab.Core.Runtime;

namespace IpcLab.Tui.App;

/// <summary>What an injected schedule entry is called in a verdict: "your run injects a lost acknowledgement (lost-ack) at step 3".</summary>
internal static class InjectionWords
{
    public static string Of(ScheduleEntryKind kind) => kind switch
    {
        ScheduleEntryKind.SpuriousWakeup => "a spurious wake-up",
        ScheduleEntryKind.Crash => "a crash",
        ScheduleEntryKind.ProcessCrash => "a process crash",
        ScheduleEntryKind.LostAck => "a lost acknowledgement (lost-ack)",
        ScheduleEntryKind.Run => "a step",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a schedule entry kind with no words"),
    };
}
