using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

/// <summary>The sentences of the message-queue and group events (see <see cref="EventText"/>).</summary>
public static class MessagingEventText
{
    /// <summary>The sentence for a messaging event, or null for any other kind.</summary>
    public static string? Describe(KernelEvent e, CompiledProgram program, StringTable strings)
    {
        if (KindName(e.Kind) is null)
        {
            return null;
        }

        var who = e.Thread >= 0 ? program.Threads[e.Thread].Name : "";
        var obj = e.Object >= 0 ? program.Objects[e.Object] : null;
        var name = obj?.Name ?? "";
        var instr = e.Thread >= 0 && e.Pc >= 0 ? program.Threads[e.Thread].Code[e.Pc] : null;
        var value = obj is null || e.Kind is EventKind.ReceiveBlocked or EventKind.MessageTryFailed or EventKind.GroupJoined or EventKind.GroupLeft
            or EventKind.ReceiveTimedOut or EventKind.MemberGone
            ? ""
            : CExpr.Format(obj.ValueKind, e.Value, strings, quoteStrings: true);
        string Thread(int t) => program.Threads[t].Name;
        string Other() => e.Other >= 0 ? Thread(e.Other) : "";

        return e.Kind switch
        {
            EventKind.MessageSent => $"{who} sends {value} to {name} with priority {e.Other}",
            EventKind.MessageTryFailed => instr?.Op == OpCode.TrySendMessage
                ? $"{who} tries to send to {name}: full (false)"
                : obj?.Kind == ObjectKind.Group ? $"{who} tries to receive from {name}: its inbox is empty (false)" : $"{who} tries to receive from {name}: empty (false)",
            EventKind.SendBlocked => SendBlockedText(who, obj!, e, value, Other()),
            EventKind.MessageReceived => e.Other >= 0
                ? $"{who} receives {value} (priority {e.Other}) from {name}"
                : $"{who} receives {value} from its inbox in {name}",
            EventKind.SenderResumed => $"{who} made room in {name}: {Other()}'s waiting message {value} goes in and {Other()} moves on",
            EventKind.ReceiveBlocked => (obj!.Kind == ObjectKind.Group ? $"{who} blocks on {name}: its inbox is empty" : $"{who} blocks on {name}: empty")
                + (e.Value >= 0 ? $", waits at most {e.Value} step{(e.Value == 1 ? "" : "s")}" : ", waits for a message"),
            EventKind.MessageHandedOver => obj!.Kind == ObjectKind.Group
                ? $"{Other()} was waiting in receive and gets {value} at once"
                : $"{who} sends {value} to {name}; {Other()} was waiting and gets it at once",
            EventKind.GroupJoined => $"{who} {(instr?.Text == "subscribe" ? "subscribes to" : "joins")} {name}",
            EventKind.GroupLeft => $"{who} {(instr?.Text == "unsubscribe" ? "unsubscribes from" : "leaves")} {name}" + Left(e.Value, "it can still receive them"),
            EventKind.Published => PublishedText(who, obj!, instr, e, value, Other),
            EventKind.CopyDelivered => $"{value} goes into {Other()}'s inbox",
            EventKind.CopyDropped => DroppedText(who, name, instr, e, value, Other()),
            EventKind.NotDelivered => NotDeliveredText(who, name, e, value, Other()),
            EventKind.OldestDropped => $"{Other()}'s inbox in {name} is full: its oldest message {value} is dropped to make room",
            EventKind.SenderWoken => e.Other >= 0
                ? $"{who} wakes up: {Other()} made room in {name}; it tries its send again"
                : $"{who} wakes up: an inbox in {name} has room now; it tries its send again",
            EventKind.ReceiveTimedOut => instr?.Op == OpCode.TimedSendMessage
                ? $"{who} gives up sending to {name}: still full when the timeout passed (ok = false); its message never entered the queue"
                : $"{who} gives up waiting on {name}: the timeout passed (ok = false)",
            EventKind.ClockAdvanced => $"no thread can run, so time passes until the earliest timeout (the clock is now {e.Value})",
            EventKind.PendingLost => $"{who} ended while waiting to send {value} to {name}: that message never entered the queue",
            EventKind.MemberGone => $"{who} has ended and is no longer in {name}" + Left(e.Value, "nobody will receive them"),
            _ => e.Kind.ToString(),
        };
    }

    /// <summary>The JSON name of a messaging event kind, or null for any other kind.</summary>
    public static string? KindName(EventKind kind) => kind switch
    {
        EventKind.MessageSent => "sent",
        EventKind.MessageTryFailed => "try-failed",
        EventKind.SendBlocked => "blocked",
        EventKind.MessageReceived => "received",
        EventKind.SenderResumed => "sender-resumed",
        EventKind.ReceiveBlocked => "blocked",
        EventKind.MessageHandedOver => "delivered",
        EventKind.GroupJoined => "joined",
        EventKind.GroupLeft => "left",
        EventKind.Published => "published",
        EventKind.CopyDelivered => "delivered",
        EventKind.CopyDropped => "dropped",
        EventKind.OldestDropped => "dropped-oldest",
        EventKind.SenderWoken => "woken",
        EventKind.ReceiveTimedOut => "timed-out",
        EventKind.ClockAdvanced => "clock-advanced",
        EventKind.PendingLost => "message-lost",
        EventKind.MemberGone => "member-gone",
        EventKind.NotDelivered => "dropped",
        _ => null,
    };

    private static string Left(long count, string what) =>
        count == 0 ? "" : $" ({count} message{(count == 1 ? "" : "s")} stay{(count == 1 ? "s" : "")} in its inbox; {what})";

    private static string SendBlockedText(string who, ObjectInfo obj, KernelEvent e, string value, string other)
    {
        if (obj.Kind == ObjectKind.MessageQueue)
        {
            return $"{who} blocks on {obj.Name}: full ({e.Value} of {e.Value}), waits for a receiver";
        }

        var whose = e.Other >= 0 ? $"{other}'s inbox is full ({obj.Capacity} of {obj.Capacity})" : "every member's inbox is full";
        return $"{who} blocks on {obj.Name}: {whose}; {value} waits to be sent";
    }

    /// <param name="receiver">
    /// The thread a unicast or an anycast went to. Asked for only then: a multicast's or a
    /// broadcast's event holds its number of copies where the others hold a thread.
    /// </param>
    private static string PublishedText(string who, ObjectInfo group, Instr? instr, KernelEvent e, string value, Func<string> receiver) => instr?.Text switch
    {
        "unicast" => $"{who} unicasts {value} to {receiver()} in {group.Name}",
        "anycast" => $"{who} anycasts {value} to {group.Name}: {GroupSettings.Word(GroupSettings.Of(group).Policy)} picks {receiver()}",
        "broadcast" => e.Other == 0
            ? $"{who} broadcasts {value} to {group.Name}: nobody is on its segment, no copy"
            : $"{who} broadcasts {value} to every receiver on the segment of {group.Name}, joined or not: "
                + (e.Other == 1 ? "1 receiver, 1 copy" : $"{e.Other} receivers, {e.Other} copies"),
        _ => $"{who} multicasts {value} to {group.Name}" + (e.Other switch
        {
            0 => ": nobody is in the group, no copy",
            1 => ": 1 member, 1 copy",
            _ => $": {e.Other} members, {e.Other} copies",
        }),
    };

    private static string DroppedText(string who, string name, Instr? instr, KernelEvent e, string value, string other) =>
        e.Other >= 0
            ? $"{other}'s inbox in {name} is full: the copy {value} for {other} is dropped"
            : instr?.Op == OpCode.Anycast
                ? $"{who} anycasts {value} to {name}: every member's inbox is full, the message is dropped"
                : $"{who} sends {value} to {name}: the message is dropped";

    private static string NotDeliveredText(string who, string name, KernelEvent e, string value, string other) =>
        e.Other >= 0
            ? $"{who} unicasts {value} to {other} in {name}, but {other} is not a member: the message is dropped"
            : $"{who} anycasts {value} to {name}: nobody is in the group, the message is dropped";
}
