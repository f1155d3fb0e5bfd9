using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

/// <summary>The one-line sentence for each event, in the words a learner reads.</summary>
public static class EventText
{
    public static string Describe(KernelEvent e, CompiledProgram program, StringTable strings)
    {
        if (ObjectModules.OwnerOf(e.Kind) is { } owner)
        {
            return owner.Describe(new EventWords(e, program, strings));
        }

        if (MessagingEventText.Describe(e, program, strings) is { } messaging)
        {
            return messaging;
        }

        var who = e.Thread >= 0 ? program.Threads[e.Thread].Name : "";
        var obj = e.Object >= 0 && e.Kind is not (EventKind.ExpectHeld or EventKind.ExpectFailed) ? program.Objects[e.Object] : null;
        var name = obj?.Name ?? "";
        var other = e.Other >= 0 && OtherIsThread(e.Kind) ? program.Threads[e.Other].Name : "";
        var instr = e.Thread >= 0 && e.Pc >= 0 ? program.Threads[e.Thread].Code[e.Pc] : null;
        string Val(ValueKind kind) => CExpr.Format(kind, e.Value, strings, quoteStrings: true);
        string Text() => strings[e.Value];

        return e.Kind switch
        {
            EventKind.LocalSet => $"{who} sets {program.Threads[e.Thread].Locals[e.Other].Name} = {Val(program.Threads[e.Thread].Locals[e.Other].Kind)}",
            EventKind.Branched => $"{who} checks {instr?.Text}: {(e.Value != 0 ? "true" : "false")}",
            EventKind.Looped => LoopText(who, instr, e),
            EventKind.Printed => $"{who} prints: {Text()}",
            EventKind.AssertHeld => $"{who} asserts {instr?.Text}: holds",
            EventKind.AssertFailed => $"{who} at line {e.Pos.Line}: {Text()}",
            EventKind.Passed => $"{who} passes",
            EventKind.Faulted => $"{who} faults at line {e.Pos.Line}: {Text()}{Holding(name)}",
            EventKind.Crashed => $"{who} crashes{Holding(name)}",
            EventKind.Finished => obj is null ? $"{who} finishes" : $"{who} finishes while still holding {name}",
            EventKind.DeadlockCycle => $"deadlock: {Text()}",
            EventKind.Deadlock => $"deadlock: {Text()}",
            EventKind.ExpectHeld => $"final check `{program.Expectations[e.Object].Text}` holds",
            EventKind.ExpectFailed => Text(),
            EventKind.BudgetExhausted => $"the run used its budget of {e.Value} steps without ending (a loop that never ends?)",
            EventKind.ProcessCrashed => ProcessCrashText(program, e),
            EventKind.Spawned => $"{who} spawns process {program.Processes[e.Other].Name} ({e.Value} thread{(e.Value == 1 ? "" : "s")} start)",
            EventKind.ProcessExited => e.Value == 0
                ? $"{who} exits: process {program.Processes[e.Other].Name} ends, its descriptors close"
                : $"{who} exits: process {program.Processes[e.Other].Name} ends, {e.Value} other thread{(e.Value == 1 ? "" : "s")} stop, its descriptors close",
            _ => e.Kind.ToString(),
        };
    }

    /// <summary>
    /// The kinds whose Other field names a thread (the holder, the one woken or handed to, the
    /// member a copy goes to); in every other kind it is a local slot, a word, a process, a
    /// priority or a count.
    /// </summary>
    public static bool OtherIsThread(EventKind kind) => kind is EventKind.BlockedOnMutex or EventKind.HandedOff or EventKind.TryLockFailed
        or EventKind.Signalled or EventKind.SemHandedOff or EventKind.OwnerDied
        or EventKind.MessageHandedOver or EventKind.SenderResumed or EventKind.CopyDelivered or EventKind.CopyDropped
        or EventKind.OldestDropped or EventKind.SendBlocked or EventKind.NotDelivered;

    /// <summary>A short lower-case name for the kind, used in JSON and by filters ("blocked", "woken").</summary>
    public static string KindName(EventKind kind) => ObjectModules.NameOf(kind) ?? kind switch
    {
        EventKind.DeadlockCycle => "deadlock-cycle",
        EventKind.LocalSet => "set",
        EventKind.AssertHeld => "assert-held",
        EventKind.AssertFailed => "assert-failed",
        EventKind.ExpectHeld => "expect-held",
        EventKind.ExpectFailed => "expect-failed",
        EventKind.BudgetExhausted => "budget-exhausted",
        EventKind.ProcessCrashed => "process-crashed",
        EventKind.ProcessExited => "process-exited",
        _ when MessagingEventText.KindName(kind) is { } messaging => messaging,
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string ProcessCrashText(CompiledProgram program, KernelEvent e)
    {
        var process = program.Processes[e.Other].Name;
        var by = e.Thread >= 0 ? $"{program.Threads[e.Thread].Name} crashes its process {process}" : $"process {process} crashes";
        var descriptors = program.Objects.Any(o => o.Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket) ? ", its descriptors close" : "";
        var memory = program.Objects.Any(o => o.Kind == ObjectKind.SharedMemory) ? ", what it held in shared memory stays held" : "";
        return $"{by}: {e.Value} thread{(e.Value == 1 ? "" : "s")} stopped{descriptors}{memory}";
    }

    private static string Holding(string mutex) => mutex.Length == 0 ? "" : $" (still holding {mutex})";

    private static string LoopText(string who, Instr? instr, KernelEvent e)
    {
        var ended = e.Other == 1;
        return instr?.Op switch
        {
            OpCode.ForInit or OpCode.ForNext => ended
                ? $"{who} leaves the loop `{instr.Text}`"
                : $"{who} loops: {instr.Text.Split(' ')[1]} = {e.Value}",
            _ => ended ? $"{who} leaves the repeat loop" : $"{who} repeats ({e.Value} to go)",
        };
    }
}
