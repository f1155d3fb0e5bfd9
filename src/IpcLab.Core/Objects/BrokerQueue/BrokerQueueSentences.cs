using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>A broker queue's events (what its clients do with it): what each means for the views, and its sentence.</summary>
internal static class BrokerQueueSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.ConsumeStarted, EventClass.Other, "consume") { ChangesObject = true },
        new(EventKind.DeliveryWaits, EventClass.Block, "blocked"),
        new(EventKind.DeliveryTaken, EventClass.Deliver, "received"),
        new(EventKind.GetTook, EventClass.Deliver, "get"),
        new(EventKind.GetEmpty, EventClass.Other, "get-empty"),
        new(EventKind.MessageAcked, EventClass.Other, "acked") { ChangesObject = true },
        new(EventKind.MessageRequeued, EventClass.Other, "requeued") { ChangesObject = true },
        new(EventKind.MessageDiscarded, EventClass.Drop, "discarded"),
        new(EventKind.AutoackLost, EventClass.Drop, "lost"),
        new(EventKind.MessagePoisoned, EventClass.Drop, "poisoned"),
        new(EventKind.ConsumeCancelled, EventClass.Other, "cancel") { ChangesObject = true },
    ];

    /// <summary>The sentence, or null for an event a broker queue does not emit.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        var (who, name) = (w.Who, w.Name);
        // Only these events carry a body in Value; the others carry a number (a prefetch, a
        // count) that is no string id.
        var body = e.Kind is EventKind.DeliveryTaken or EventKind.GetTook or EventKind.MessageAcked or EventKind.MessageRequeued
            or EventKind.MessageDiscarded or EventKind.AutoackLost or EventKind.MessagePoisoned ? w.Value(ValueKind.Str) : "";
        return e.Kind switch
        {
            EventKind.ConsumeStarted => e.Other == 1
                ? $"{who} consumes from {name} with autoack: the broker forgets each message as it pushes it"
                : $"{who} consumes from {name} with manual acks, prefetch {(e.Value == 0 ? "unlimited" : e.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}",
            EventKind.ConsumeCancelled => $"{who} cancels its consumer of {name}: the broker pushes it nothing more" + (e.Value == 0
                ? ""
                : $"; {(e.Value == 1 ? "the delivery it holds stays" : $"the {e.Value} deliveries it holds stay")} with its channel, to ack or nack (or back to {name} when the channel closes)"),
            EventKind.DeliveryWaits => $"{who} waits for {name} to deliver it a message",
            EventKind.DeliveryTaken => $"{who} receives {body} from {name} (delivery tag {e.Count})",
            EventKind.GetTook => $"{who} gets {body} from the head of {name} (delivery tag {e.Count}{(e.Other == 1 ? ", redelivered" : "")})",
            EventKind.GetEmpty => $"{who} gets from {name}: empty",
            EventKind.MessageAcked => $"{who} acks {body} (delivery tag {e.Count}): it leaves {name} for good",
            EventKind.MessageRequeued => $"{(e.Other == 2 ? $"{who} ended holding {body} (delivery tag {e.Count}), unacknowledged" : $"{who} {(e.Other == 0 ? "nacks" : "rejects")} {body} (delivery tag {e.Count})")}: it goes back to {name} at its original place, marked redelivered",
            EventKind.MessageDiscarded => $"{who} {(w.Instr?.Op == OpCode.Reject ? "rejects" : "nacks")} {body} (delivery tag {e.Count}) without requeue: it is discarded",
            EventKind.AutoackLost => $"{who} ended before taking {body} (delivery tag {e.Count}) that {name} pushed to it with autoack: the broker already forgot it, so it is lost",
            EventKind.MessagePoisoned => $"{(e.Other == 2 ? $"{who} ended holding {body}" : $"{who} {(e.Other == 0 ? "nacks" : "rejects")} {body}")}, delivered {e.Count} times, more than the delivery limit of {name} ({w.Program.Objects[e.Object].DeliveryLimit}): a poison message, it is not requeued{(w.Program.Objects[e.Object].DeadLetter is null ? " but dropped" : "")}",
            _ => null,
        };
    }
}
