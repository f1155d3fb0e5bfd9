using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

/// <summary>The one-line sentence for each event, in the words a learner reads.</summary>
public static class EventText
{
    public static string Describe(KernelEvent e, CompiledProgram program, StringTable strings)
    {
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
            EventKind.Acquired => e.Value == 1 ? $"{who} re-acquires {name}" : $"{who} locks {name}",
            EventKind.BlockedOnMutex => e.Value == 1
                ? $"{who} woke up but {name} is held by {other}: blocks until it is handed over"
                : $"{who} blocks on {name}: held by {other}",
            EventKind.Released => instr?.Op == OpCode.CondWait ? $"{who} releases {name} (nobody is waiting for it)" : $"{who} unlocks {name}",
            EventKind.HandedOff => instr?.Op == OpCode.CondWait
                ? $"{who} releases {name}; {other} was first in line and now holds it"
                : $"{who} unlocks {name}; {other} was first in line and now holds it",
            EventKind.TryLockFailed => $"{who} tries {name}: held by {other}, gives up (false)",
            EventKind.Waiting => $"{who} waits on {name}: joins its queue and releases {program.Objects[e.Other].Name}, in one step",
            EventKind.Signalled => $"{who} signals {name}: wakes {other}",
            EventKind.SignalLost => $"{who} signals {name}: nobody is waiting, the signal is lost",
            EventKind.Broadcast => e.Value == 0
                ? $"{who} broadcasts {name}: nobody is waiting"
                : $"{who} broadcasts {name}: wakes {e.Value} thread{(e.Value == 1 ? "" : "s")}",
            EventKind.Woken => $"{who} wakes up from {name} and must re-acquire its mutex",
            EventKind.SpuriousWakeup => $"{who} wakes up from {name} without a signal (spurious wake-up)",
            EventKind.SemDown => $"{who} takes a unit of {name} (count now {e.Value})",
            EventKind.SemBlocked => $"{who} blocks on {name}: its count is 0",
            EventKind.SemUp => $"{who} adds a unit to {name} (count now {e.Value})",
            EventKind.SemHandedOff => $"{who} posts {name}; {other} was first in line and takes the unit",
            EventKind.Put => $"{who} puts {Val(obj!.ValueKind)} into {name}",
            EventKind.Took => $"{who} takes {Val(obj!.ValueKind)} from {name}",
            EventKind.TryFailed => instr?.Op == OpCode.TryPut ? $"{who} tries to put into {name}: full (false)" : $"{who} tries to take from {name}: empty (false)",
            EventKind.Loaded => $"{who} reads {name} = {Val(obj!.ValueKind)} (into a register; the write comes in a later step)",
            EventKind.Stored => $"{who} writes {name} = {Val(obj!.ValueKind)}",
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
            EventKind.NeverStarted => Text(),
            EventKind.BudgetExhausted => $"the run used its budget of {e.Value} steps without ending (a loop that never ends?)",
            EventKind.ProcessCrashed => ProcessCrashText(program, e),
            EventKind.Mapped => $"{who} maps {name} into process {program.Processes[(int)e.Value].Name}",
            EventKind.Unmapped => $"{who} unmaps {name} from process {program.Processes[(int)e.Value].Name}",
            EventKind.ShmLoaded => $"{who} reads {name}[{e.Other}] = {e.Value} into a register",
            EventKind.ShmStored => $"{who} writes {e.Value} to {name}[{e.Other}]",
            EventKind.ShmRangeRead => $"{who} reads {Text()} in one step",
            EventKind.ShmRangeWritten => $"{who} writes {Text()} in one step",
            EventKind.OwnerDied => $"{who} locks {name}: its owner {other} died holding it, so {who} takes it over (EOWNERDEAD: what {name} guards may be half-updated)",
            EventKind.Spawned => $"{who} spawns process {program.Processes[e.Other].Name} ({e.Value} thread{(e.Value == 1 ? "" : "s")} start)",
            EventKind.ProcessExited => e.Value == 0
                ? $"{who} exits: process {program.Processes[e.Other].Name} ends, its descriptors close"
                : $"{who} exits: process {program.Processes[e.Other].Name} ends, {e.Value} other thread{(e.Value == 1 ? "" : "s")} stop, its descriptors close",
            _ when IsSocketEvent(e.Kind) => who.Length == 0 ? Text() : $"{who} {Text()}",
            _ => e.Kind.ToString(),
        };
    }

    /// <summary>The socket and descriptor events (SocketListened to DatagramReceived): their sentence is made when they happen and kept as Value.</summary>
    public static bool IsSocketEvent(EventKind kind) => kind is >= EventKind.SocketListened and <= EventKind.DatagramReceived;

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
    public static string KindName(EventKind kind) => kind switch
    {
        EventKind.BlockedOnMutex => "blocked",
        EventKind.SemBlocked => "blocked",
        EventKind.DeadlockCycle => "deadlock-cycle",
        EventKind.SpuriousWakeup => "spurious-wakeup",
        EventKind.SignalLost => "signal-lost",
        EventKind.HandedOff => "handed-off",
        EventKind.TryLockFailed => "trylock-failed",
        EventKind.SemDown => "sem-down",
        EventKind.SemUp => "sem-up",
        EventKind.SemHandedOff => "sem-handed-off",
        EventKind.TryFailed => "try-failed",
        EventKind.LocalSet => "set",
        EventKind.AssertHeld => "assert-held",
        EventKind.AssertFailed => "assert-failed",
        EventKind.ExpectHeld => "expect-held",
        EventKind.ExpectFailed => "expect-failed",
        EventKind.BudgetExhausted => "budget-exhausted",
        EventKind.NeverStarted => "never-started",
        EventKind.ProcessCrashed => "process-crashed",
        EventKind.ShmLoaded => "shm-read",
        EventKind.ShmStored => "shm-write",
        EventKind.ShmRangeRead => "shm-read-range",
        EventKind.ShmRangeWritten => "shm-write-range",
        EventKind.OwnerDied => "owner-died",
        EventKind.ProcessExited => "process-exited",
        EventKind.SocketBlocked => "blocked",
        EventKind.SocketListened => "listened",
        EventKind.SocketConnected => "connected",
        EventKind.SocketAccepted => "accepted",
        EventKind.SocketSent => "sent",
        EventKind.SocketReceived => "received",
        EventKind.SocketEndOfFile => "end-of-file",
        EventKind.SocketWoken => "woken",
        EventKind.SocketShutdown => "shutdown",
        EventKind.SocketClosed => "closed",
        EventKind.SocketBound => "bound",
        EventKind.DatagramSent => "datagram-sent",
        EventKind.DatagramReceived => "datagram-received",
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
