using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Group;

/// <summary>The group's events: what each means for the views, and its sentence.</summary>
internal static class GroupSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.GroupJoined, EventClass.Other, "joined") { ChangesObject = true },
        new(EventKind.GroupLeft, EventClass.Other, "left") { ChangesObject = true },
        new(EventKind.Published, EventClass.Other, "published") { ChangesObject = true },
        new(EventKind.CopyDelivered, EventClass.Deliver, "delivered") { OtherIsThread = true },
        new(EventKind.CopyDropped, EventClass.Drop, "dropped") { OtherIsThread = true },
        new(EventKind.OldestDropped, EventClass.Drop, "dropped-oldest") { OtherIsThread = true },
        new(EventKind.NotDelivered, EventClass.Drop, "dropped") { OtherIsThread = true },
        new(EventKind.SenderWoken, EventClass.Wake, "woken"),
        new(EventKind.MemberGone, EventClass.Other, "member-gone") { ChangesObject = true },
        new(EventKind.GroupTryFailed, EventClass.Other, "try-failed") { ChangesObject = true },
        new(EventKind.GroupSendBlocked, EventClass.Block, "blocked") { OtherIsThread = true },
        new(EventKind.GroupReceived, EventClass.Deliver, "received"),
        new(EventKind.GroupReceiveBlocked, EventClass.Block, "blocked"),
        new(EventKind.GroupHandedOver, EventClass.Deliver, "delivered") { OtherIsThread = true, TagsOther = true, Tag = "just got through" },
        new(EventKind.GroupReceiveTimedOut, EventClass.Other, "timed-out") { Tag = "just timed out", ChangesObject = true },
    ];

    /// <summary>The sentence, or null for an event the group does not emit.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        var (who, name) = (w.Who, w.Name);
        var text = w.Instr?.Text;
        return e.Kind switch
        {
            EventKind.GroupJoined => $"{who} {(text == "subscribe" ? "subscribes to" : "joins")} {name}",
            EventKind.GroupLeft => $"{who} {(text == "unsubscribe" ? "unsubscribes from" : "leaves")} {name}" + Left(e.Value, "it can still receive them"),
            EventKind.Published => Published(w),
            EventKind.CopyDelivered => $"{Value(w)} goes into {w.Other}'s inbox",
            EventKind.CopyDropped => e.Other >= 0
                ? $"{w.Other}'s inbox in {name} is full: the copy {Value(w)} for {w.Other} is dropped"
                : w.Instr?.Op == OpCode.Anycast
                    ? $"{who} anycasts {Value(w)} to {name}: every member's inbox is full, the message is dropped"
                    : $"{who} sends {Value(w)} to {name}: the message is dropped",
            EventKind.OldestDropped => $"{w.Other}'s inbox in {name} is full: its oldest message {Value(w)} is dropped to make room",
            EventKind.NotDelivered => e.Other >= 0
                ? $"{who} unicasts {Value(w)} to {w.Other} in {name}, but {w.Other} is not a member: the message is dropped"
                : $"{who} anycasts {Value(w)} to {name}: nobody is in the group, the message is dropped",
            EventKind.SenderWoken => e.Other >= 0
                ? $"{who} wakes up: {w.Other} made room in {name}; it tries its send again"
                : $"{who} wakes up: an inbox in {name} has room now; it tries its send again",
            EventKind.MemberGone => $"{who} has ended and is no longer in {name}" + Left(e.Value, "nobody will receive them"),
            EventKind.GroupTryFailed => $"{who} tries to receive from {name}: its inbox is empty (false)",
            EventKind.GroupSendBlocked => e.Other >= 0
                ? $"{who} blocks on {name}: {w.Other}'s inbox is full ({w.Object!.Capacity} of {w.Object.Capacity}); {Value(w)} waits to be sent"
                : $"{who} blocks on {name}: every member's inbox is full; {Value(w)} waits to be sent",
            EventKind.GroupReceived => $"{who} receives {Value(w)} from its inbox in {name}",
            EventKind.GroupReceiveBlocked => $"{who} blocks on {name}: its inbox is empty" + Deadlines.WaitsAtMost(e.Value),
            EventKind.GroupHandedOver => $"{w.Other} was waiting in receive and gets {Value(w)} at once",
            EventKind.GroupReceiveTimedOut => $"{who} gives up waiting on {name}: the timeout passed (ok = false)",
            _ => null,
        };
    }

    /// <summary>The first line of a send: which pattern, and how many copies or whom.</summary>
    private static string Published(in EventWords w)
    {
        var (who, group, copies, value) = (w.Who, w.Object!, w.Event.Other, Value(w));
        return w.Instr?.Text switch
        {
            "unicast" => $"{who} unicasts {value} to {w.Other} in {group.Name}",
            "anycast" => $"{who} anycasts {value} to {group.Name}: {GroupSettings.Word(GroupSettings.Of(group).Policy)} picks {w.Other}",
            "broadcast" => copies == 0
                ? $"{who} broadcasts {value} to {group.Name}: nobody is on its segment, no copy"
                : $"{who} broadcasts {value} to every receiver on the segment of {group.Name}, joined or not: "
                    + (copies == 1 ? "1 receiver, 1 copy" : $"{copies} receivers, {copies} copies"),
            _ => $"{who} multicasts {value} to {group.Name}" + (copies switch
            {
                0 => ": nobody is in the group, no copy",
                1 => ": 1 member, 1 copy",
                _ => $": {copies} members, {copies} copies",
            }),
        };
    }

    /// <summary>" (2 messages stay in its inbox; ...)" when an inbox is left with messages.</summary>
    private static string Left(long count, string what) =>
        count == 0 ? "" : $" ({count} message{(count == 1 ? "" : "s")} stay{(count == 1 ? "s" : "")} in its inbox; {what})";

    private static string Value(in EventWords w) => w.Value(w.Object!.ValueKind);
}
