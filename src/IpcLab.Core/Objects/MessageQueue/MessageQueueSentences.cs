using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.MessageQueue;

/// <summary>The message queue's events: what each means for the views, and its sentence.</summary>
internal static class MessageQueueSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.MessageSent, EventClass.Other, "sent") { ChangesObject = true },
        new(EventKind.MessageTryFailed, EventClass.Other, "try-failed") { ChangesObject = true },
        new(EventKind.SendBlocked, EventClass.Block, "blocked") { OtherIsThread = true },
        new(EventKind.MessageReceived, EventClass.Deliver, "received"),
        new(EventKind.SenderResumed, EventClass.Other, "sender-resumed") { OtherIsThread = true, TagsOther = true, Tag = "just got through", ChangesObject = true },
        new(EventKind.ReceiveBlocked, EventClass.Block, "blocked"),
        new(EventKind.MessageHandedOver, EventClass.Deliver, "delivered") { OtherIsThread = true, TagsOther = true, Tag = "just got through" },
        new(EventKind.ReceiveTimedOut, EventClass.Other, "timed-out") { Tag = "just timed out", ChangesObject = true },
        new(EventKind.PendingLost, EventClass.Drop, "message-lost"),
    ];

    /// <summary>The sentence, or null for an event the message queue does not emit.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        var (who, name) = (w.Who, w.Name);
        return e.Kind switch
        {
            EventKind.MessageSent => $"{who} sends {Value(w)} to {name} with priority {e.Other}",
            EventKind.MessageTryFailed => w.Instr?.Op == OpCode.TrySendMessage
                ? $"{who} tries to send to {name}: full (false)"
                : $"{who} tries to receive from {name}: empty (false)",
            EventKind.SendBlocked => $"{who} blocks on {name}: full ({e.Value} of {e.Value}), waits for a receiver",
            EventKind.MessageReceived => $"{who} receives {Value(w)} (priority {e.Other}) from {name}",
            EventKind.SenderResumed => $"{who} made room in {name}: {w.Other}'s waiting message {Value(w)} goes in and {w.Other} moves on",
            EventKind.ReceiveBlocked => $"{who} blocks on {name}: empty" + Deadlines.WaitsAtMost(e.Value),
            EventKind.MessageHandedOver => $"{who} sends {Value(w)} to {name}; {w.Other} was waiting and gets it at once",
            EventKind.ReceiveTimedOut => w.Instr?.Op == OpCode.TimedSendMessage
                ? $"{who} gives up sending to {name}: still full when the timeout passed (ok = false); its message never entered the queue"
                : $"{who} gives up waiting on {name}: the timeout passed (ok = false)",
            EventKind.PendingLost => $"{who} ended while waiting to send {Value(w)} to {name}: that message never entered the queue",
            _ => null,
        };
    }

    private static string Value(in EventWords w) => w.Value(w.Object!.ValueKind);
}
