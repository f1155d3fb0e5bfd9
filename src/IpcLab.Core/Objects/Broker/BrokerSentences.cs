using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Broker;

/// <summary>The broker's events (its own steps, and publishing): what each means for the views, and its sentence.</summary>
internal static class BrokerSentences
{
    public static readonly IReadOnlyList<EventSpec> Specs =
    [
        new(EventKind.BrokerIdle, EventClass.Other, "broker-idle") { Tag = "idle" },
        new(EventKind.BrokerWoken, EventClass.Wake, "broker-woken") { Tag = "has work" },
        new(EventKind.MessagePublished, EventClass.Other, "published") { ChangesObject = true },
        new(EventKind.PublishBlocked, EventClass.Block, "blocked"),
        new(EventKind.PublisherWoken, EventClass.Wake, "woken"),
        new(EventKind.MessageRouted, EventClass.Deliver, "routed") { ChangesObject = true },
        new(EventKind.MessageUnroutable, EventClass.Drop, "unroutable"),
        new(EventKind.MessageReturned, EventClass.Drop, "returned") { OtherIsThread = true },
        new(EventKind.MessagePushed, EventClass.Deliver, "pushed") { OtherIsThread = true },
        new(EventKind.MessageRedelivered, EventClass.Deliver, "redelivered") { OtherIsThread = true },
        new(EventKind.MessageDroppedHead, EventClass.Drop, "dropped-head"),
        new(EventKind.MessageRefused, EventClass.Drop, "refused"),
        new(EventKind.MessageExpired, EventClass.Drop, "expired"),
        new(EventKind.MessageDeadLettered, EventClass.Other, "dead-lettered") { ChangesObject = true },
        new(EventKind.MessageToAlternate, EventClass.Other, "to-alternate") { ChangesObject = true },
        new(EventKind.DeadLetterCycle, EventClass.Drop, "dead-letter-cycle"),
    ];

    /// <summary>The sentence, or null for an event the broker does not emit.</summary>
    public static string? Describe(in EventWords w)
    {
        var e = w.Event;
        var (who, name) = (w.Who, w.Name);
        return e.Kind switch
        {
            EventKind.BrokerIdle => $"{who} has nothing to route and nobody to deliver to: it idles",
            EventKind.BrokerWoken => $"{who} has work again: {e.Value switch { 0 => "a published message to route", 1 => "a ready message a consumer can take", 3 => "it is down, and its next step restarts it", _ => "a message at the head of a queue has reached its TTL" }}",
            EventKind.MessagePublished => $"{who} publishes {Body(w)} to {name} with {KeyWord(w)} {Quote(w, e.Other)}{(e.Count >> 8 is var priority and > 0 ? $" and priority {priority}" : "")}{Flags((PublishFlags)(e.Count & 0xFF))}; it waits in the broker's inbox{((e.Count & (int)PublishFlags.Confirm) != 0 ? $", and {who} waits for its confirm" : "")}",
            EventKind.PublishBlocked => $"{who} blocks publishing: {name} has room for {e.Value} more {(e.Value == 1 ? "copy" : "copies")} and this message may need {e.Count} (flow control)",
            EventKind.PublisherWoken => e.Value switch
            {
                2 => $"{who} is woken: {name} is back up, it consumes again",
                1 => $"{who} is woken: {name} is back up, it publishes again",
                _ => $"{who} is woken: {name} has room again, it publishes again",
            },
            EventKind.MessageRouted => $"{who} routes {Body(w)} ({KeyWordOf(w, e.Other)} {Quote(w, e.Count)}) from {w.Program.Objects[e.Other].Name} into {name}",
            EventKind.MessageUnroutable => $"{who} drops {Body(w)}: no binding of {name} matches {KeyWordOf(w, e.Object)} {Quote(w, e.Other)} (unroutable)",
            EventKind.MessageReturned => $"{who} returns {Body(w)} to {w.Other}: no binding of {name} matches {KeyWordOf(w, e.Object)} {Quote(w, e.Count)} and it was mandatory (no route)",
            EventKind.MessagePushed => $"{who} delivers {Body(w)} from {name} to {w.Other} (delivery tag {e.Count})",
            EventKind.MessageRedelivered => $"{who} redelivers {Body(w)} from {name} to {w.Other} (delivery tag {e.Count}, redelivered)",
            EventKind.MessageDroppedHead when e.Other == 1 => $"the requeue puts {name} over its maximum length ({e.Count}): the broker drops its head {Body(w)} (overflow drop-head, as RabbitMQ does after a requeue)",
            EventKind.MessageDroppedHead => $"{name} is at its maximum length ({e.Count}): {who} drops its oldest ready message {Body(w)} to make room (overflow drop-head)",
            EventKind.MessageRefused => $"{name} is at its maximum length ({e.Count}): {who} refuses {Body(w)} (overflow reject-publish)",
            EventKind.MessageExpired => $"{who} drops {Body(w)} at the head of {name}: its TTL of {e.Count} steps has passed (expired)",
            EventKind.MessageDeadLettered => DeadLettered(w),
            EventKind.DeadLetterCycle =>
                $"{who} does not route {Body(w)} from {w.Program.Objects[e.Other].Name} into {name}: it died in {name} before ({DeadLetters.Word((DeathReason)(e.Count & 0xF))}, x{e.Count >> 4}) and no death since was a rejection, a dead-letter cycle, so {name} never gets it back",
            EventKind.MessageToAlternate =>
                $"{who} finds no binding of {name} for {Body(w)} ({KeyWordOf(w, e.Object)} {Quote(w, e.Count)}): it goes on to {name}'s alternate exchange {w.Program.Objects[e.Other].Name}",
            _ => null,
        };
    }

    /// <summary>Count carries the reason in its low four bits and the count of the message's x-death entry for (queue, reason) above them.</summary>
    private static string DeadLettered(in EventWords w)
    {
        var e = w.Event;
        var reason = DeadLetters.Word((DeathReason)(e.Count & 0xF));
        return e.Other switch
        {
            -2 => $"{w.Who} drops {Body(w)} instead of dead-lettering it from {w.Name} ({reason}): the broker has no room for the copies {w.Program.Objects[w.Program.Objects[e.Object].DeadLetter!.ExchangeId].Name} may make",
            -3 => $"{w.Who} drops {Body(w)} instead of dead-lettering it from {w.Name} ({reason}): its dead-letter exchange {w.Program.Objects[w.Program.Objects[e.Object].DeadLetter!.ExchangeId].Name} was transient and is gone since the restart",
            _ => $"{w.Who} dead-letters {Body(w)} from {w.Name} (reason {reason}; its death history now counts {w.Name} {reason} x{e.Count >> 4}): it goes back to the inbox, to be routed by {w.Program.Objects[e.Other].Name}",
        };
    }

    private static string Body(in EventWords w) => w.Value(Model.ValueKind.Str);

    private static string Quote(in EventWords w, long id) => $"\"{w.TextOf(id)}\"";

    private static string KeyWord(in EventWords w) => KeyWordOf(w, w.Event.Object);

    /// <summary>"key", or "headers" for a message sent through a headers exchange.</summary>
    private static string KeyWordOf(in EventWords w, int exchange) =>
        BrokerParts.TypeOf(w.Program.Objects[exchange]) == Exchange.ExchangeType.Headers ? "headers" : "key";

    private static string Flags(PublishFlags flags)
    {
        string[] words =
        [
            .. (flags & PublishFlags.Mandatory) != 0 ? ["mandatory"] : Array.Empty<string>(),
            .. (flags & PublishFlags.Persistent) != 0 ? ["persistent"] : Array.Empty<string>(),
            .. (flags & PublishFlags.Confirm) != 0 ? ["confirm"] : Array.Empty<string>(),
        ];
        return words.Length == 0 ? "" : $" ({string.Join(", ", words)})";
    }
}
